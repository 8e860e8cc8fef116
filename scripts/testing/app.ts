import { buildExists } from "../lib/paths.ts";
import { startNextServer } from "../lib/next-server.ts";
import { freePort, stopService, waitForHttp } from "../lib/processes.ts";

export type TestApp = { url: string; port: number; logs: () => string[]; stop(): Promise<void> };

/**
 * The production build served by a real `next start` against the given databases: the Vitest
 * integration tests and the single-node e2e run both start the app this way (the e2e run on its
 * fixed port, with its mail sink in `env`).
 */
export async function startTestApp(opts: {
  primaryUrl: string;
  replicaUrls: string[];
  port?: number;
  env?: Record<string, string | undefined>;
}): Promise<TestApp> {
  if (!buildExists()) throw new Error("no production build: run `npm run build` first");
  const port = opts.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const service = startNextServer({
    name: `app:${port}`,
    port,
    quiet: true,
    env: {
      ...process.env,
      DATABASE_URL: opts.primaryUrl,
      DATABASE_REPLICA_URLS: opts.replicaUrls.join(","),
      NEXTAUTH_URL: url,
      APP_URL: url,
      SESSION_SECRET: "test-session-secret-0123456789abcdefghijkl",
      NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdefghijk",
      SECURE_COOKIES: "false",
      ...opts.env,
    },
  });
  const lines: string[] = [];
  service.child.stdout?.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { service });
  return { url, port, logs: () => lines, stop: () => stopService(service) };
}
