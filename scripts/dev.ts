// `npm run dev`: the Next.js dev server (hot reload) against the same embedded primary + replica,
// demo seed and mail sink `npm start` uses, with the background services restarted when their
// sources change. Ctrl-C stops all of it.
import { printWelcome } from "./lib/banner.ts";
import { runHarness } from "./lib/harness.ts";
import { exitHarness } from "./lib/lifecycle.ts";
import { startLocalStack } from "./lib/local-stack.ts";
import { startNextServer } from "./lib/next-server.ts";
import { assertPortsFree, waitForHttp } from "./lib/processes.ts";
import { startBackgroundServices } from "./lib/services.ts";

await runHarness({ name: "dev" }, async (log) => {
  const port = Number(process.env.PORT ?? 3000);
  const url = process.env.APP_URL ?? `http://localhost:${port}`;
  await assertPortsFree([{ port, variable: "PORT", what: "the dev server" }]);
  const { db, mail, env } = await startLocalStack({ log, url });
  startBackgroundServices({ env, log, watch: true });
  const app = startNextServer({ name: "next", mode: "dev", port, env });
  // The dev server compiles a route on its first request: allow for a slow first answer.
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { service: app, timeoutMs: 180_000 });
  void app.exited.then((code) => exitHarness(`the dev server exited (code ${code})`, log));
  printWelcome({
    url,
    db,
    details: [
      `Development server with hot reload: edits under app/, components/ and lib/ show on the next request.`,
      ...(mail.webUrl ? [`Emails the demo sends: ${mail.webUrl}`] : []),
    ],
  });
  return "serve";
});
