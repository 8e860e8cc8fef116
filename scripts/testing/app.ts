import path from "node:path";
import { buildExists } from "../lib/paths.ts";
import { freePort, startService, stopService, waitForHttp } from "../lib/processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type TestApp = { url: string; logs: () => string[]; stop(): Promise<void> };

/** The production build served by a real `next start` against the given databases. */
export async function startTestApp(opts: { primaryUrl: string; replicaUrls: string[]; env?: Record<string, string | undefined> }): Promise<TestApp> {
  if (!buildExists()) throw new Error("no production build: run `npm run build` first");
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const service = startService(
    `app:${port}`,
    path.join(ROOT, "node_modules/.bin/next"),
    ["start", "-p", String(port)],
    {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.primaryUrl,
      DATABASE_REPLICA_URLS: opts.replicaUrls.join(","),
      NEXTAUTH_URL: url,
      APP_URL: url,
      SESSION_SECRET: "test-session-secret-0123456789abcdefghijkl",
      NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdefghijk",
      // The test process derives the same link tokens (vitest.config.ts sets it there).
      LINK_SECRET: process.env.LINK_SECRET,
      SECURE_COOKIES: "false",
      ...opts.env,
    },
    { quiet: true },
  );
  const lines: string[] = [];
  service.child.stdout?.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  await waitForHttp(`http://127.0.0.1:${port}/api/health`);
  return { url, logs: () => lines, stop: () => stopService(service) };
}
