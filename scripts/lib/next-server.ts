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
    { SHOOTQ_NODE_NAME: opts.name, ...opts.env, NODE_ENV: mode === "dev" ? "development" : "production" },
    { quiet: opts.quiet, cwd: opts.cwd ?? ROOT },
  );
}
