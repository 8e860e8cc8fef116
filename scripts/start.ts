// `npm start`: everything ShootQ needs on one machine. An embedded PostgreSQL primary with a
// streaming replica (unless DATABASE_URL points elsewhere), migrations, the demo seed, a
// production build when none exists, a local mail sink, the email worker and the app.
// Ctrl-C stops all of it; so does a failure on the way up.
import { printWelcome } from "./lib/banner.ts";
import { prepareDatabase, provideDatabase, type Database } from "./lib/database.ts";
import { ensureBuild } from "./lib/ensure-build.ts";
import { startMailSink } from "./lib/mail-sink.ts";
import { localSecrets, ROOT } from "./lib/paths.ts";
import { onShutdown, startService, stopService, waitForHttp, type Service } from "./lib/processes.ts";

const log = (line: string) => console.log(`[shootq] ${line}`);
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

const services: Service[] = [];
let db: Database | null = null;
async function stopAll() {
  for (const s of services.reverse()) await stopService(s);
  await db?.stop();
  log("stopped");
}
onShutdown(stopAll);

try {
  db = await provideDatabase({ log });
  await prepareDatabase(db.primaryUrl, log);
  ensureBuild(log);
  const mail = await startMailSink(log);
  if (mail.service) services.push(mail.service);

  const env: NodeJS.ProcessEnv = {
    ...localSecrets(),
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.primaryUrl,
    DATABASE_REPLICA_URLS: db.replicaUrls.join(","),
    NEXTAUTH_URL: appUrl,
    APP_URL: appUrl,
    SMTP_URL: mail.smtpUrl,
  };
  services.push(startService("worker", "node_modules/.bin/tsx", ["scripts/worker.ts"], env, { cwd: ROOT }));
  services.push(startService("app", "node_modules/.bin/next", ["start", "-p", String(port)], { ...env, SHOOTQ_NODE_NAME: "app-1" }, { quiet: true }));
  await waitForHttp(`http://127.0.0.1:${port}/api/health`);
  printWelcome({ url: appUrl, db, details: mail.webUrl ? [`Emails the demo sends: ${mail.webUrl}`] : [] });
} catch (error) {
  console.error(`[shootq] could not start: ${(error as Error).message}`);
  await stopAll();
  process.exit(1);
}
