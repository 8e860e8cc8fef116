// `npm start`: everything ShootQ needs on one machine. An embedded PostgreSQL primary with a
// streaming replica (unless DATABASE_URL points elsewhere), migrations, the demo seed, a
// production build of the current sources, a local mail sink, the background services (the email
// worker) and the app. Ctrl-C stops all of it; so does a failure on the way up.
import { printWelcome } from "./lib/banner.ts";
import { ensureBuild } from "./lib/ensure-build.ts";
import { runHarness } from "./lib/harness.ts";
import { startLocalStack } from "./lib/local-stack.ts";
import { exitHarness } from "./lib/lifecycle.ts";
import { startNextServer } from "./lib/next-server.ts";
import { assertPortsFree, waitForHttp } from "./lib/processes.ts";
import { startBackgroundServices } from "./lib/services.ts";

await runHarness({ name: "shootq" }, async (log) => {
  const port = Number(process.env.PORT ?? 3000);
  const url = process.env.APP_URL ?? `http://localhost:${port}`;
  await assertPortsFree([{ port, variable: "PORT", what: "the app" }]);
  const { db, mail, env } = await startLocalStack({ log, url });
  ensureBuild(log);
  startBackgroundServices({ env, log });
  const app = startNextServer({ name: "app-1", port, env, quiet: true });
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { service: app });
  void app.exited.then((code) => exitHarness(`the app exited (code ${code})`, log));
  printWelcome({ url, db, details: mail.webUrl ? [`Emails the demo sends: ${mail.webUrl}`] : [] });
  return "serve";
});
