import path from "node:path";
import { ROOT } from "./paths.ts";
import { startService, type Service } from "./processes.ts";

const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

export type NextServerOptions = {
  /** Prefix of its log lines, and its name in `SHOOTQ_NODE_NAME` unless env sets one. */
  name: string;
  port: number;
  /** Listen address; all interfaces when absent. */
  host?: string;
  /** `next start` of the production build (default), or `next dev` with hot reload. */
  mode?: "start" | "dev";
  env: NodeJS.ProcessEnv;
  /** The folder holding the build (a staged release); the project by default. */
  cwd?: string;
  quiet?: boolean;
};

/**
 * V8's old-space ceiling for a production node, MiB (`APP_NODE_HEAP_MB`). A node keeps little
 * between requests (its heap after a full collection holds ~130 MiB: code, modules, pools), but
 * on a machine with plenty of memory V8 lets garbage pile up to a gigabyte before collecting it.
 * A ceiling makes it collect sooner; NODE_OPTIONS naming its own ceiling wins.
 */
export const DEFAULT_NODE_HEAP_MB = 384;

export function nodeOptions(env: Record<string, string | undefined>): string {
  const given = env.NODE_OPTIONS ?? "";
  if (/--max[-_]old[-_]space[-_]size/.test(given)) return given;
  const mb = Number(env.APP_NODE_HEAP_MB ?? DEFAULT_NODE_HEAP_MB);
  if (!Number.isInteger(mb) || mb < 128)
    throw new Error(`APP_NODE_HEAP_MB must be a whole number of MiB, at least 128 (got "${env.APP_NODE_HEAP_MB}")`);
  return `${given} --max-old-space-size=${mb}`.trim();
}

/** The one way every harness runs the app: `npm start`, `npm run dev`, cluster nodes, test apps. */
export function startNextServer(opts: NextServerOptions): Service {
  const mode = opts.mode ?? "start";
  const args = [mode, "-p", String(opts.port), ...(opts.host ? ["-H", opts.host] : [])];
  // Longer than nginx's upstream keep-alive, so nginx never reuses a connection the node just closed.
  if (mode === "start") args.push("--keepAliveTimeout", "65000");
  return startService(
    opts.name,
    NEXT_BIN,
    args,
    {
      SHOOTQ_NODE_NAME: opts.name,
      ...opts.env,
      NODE_ENV: mode === "dev" ? "development" : "production",
      ...(mode === "start" ? { NODE_OPTIONS: nodeOptions(opts.env) } : {}),
    },
    { quiet: opts.quiet, cwd: opts.cwd ?? ROOT },
  );
}
