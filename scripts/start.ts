// `npm start`: everything ShootQ needs on one machine. An embedded PostgreSQL primary with a
// streaming replica (unless DATABASE_URL points elsewhere), migrations, the demo seed, a
// production build when none exists, and the app. Ctrl-C stops all of it.
import { spawnSync } from "node:child_process";
import { DEMO_LOGINS } from "../prisma/seed.ts";
import { prepareDatabase, provideDatabase } from "./lib/database.ts";
import { buildExists, localSecrets, ROOT } from "./lib/paths.ts";
import { onShutdown, startService, stopService, waitForHttp, type Service } from "./lib/processes.ts";

const log = (line: string) => console.log(`[shootq] ${line}`);
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

const db = await provideDatabase({ log });
const services: Service[] = [];
onShutdown(async () => {
  for (const s of services.reverse()) await stopService(s);
  await db.stop();
  log("stopped");
});

await prepareDatabase(db.primaryUrl, log);

if (!buildExists()) {
  log("no build found, building ShootQ (about a minute)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) {
    await db.stop();
    throw new Error("the build failed");
  }
}

const env: NodeJS.ProcessEnv = {
  ...localSecrets(),
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: db.primaryUrl,
  DATABASE_REPLICA_URLS: db.replicaUrls.join(","),
  NEXTAUTH_URL: appUrl,
  APP_URL: appUrl,
};
services.push(startService("app", "node_modules/.bin/next", ["start", "-p", String(port)], { ...env, SHOOTQ_NODE_NAME: "app-1" }, { quiet: true }));
await waitForHttp(`http://127.0.0.1:${port}/api/health`);

console.log(`
  ShootQ is running at ${appUrl}

  Photographer: ${DEMO_LOGINS.owner.email} / ${DEMO_LOGINS.owner.password}
  Staff:        ${DEMO_LOGINS.staff.email} / ${DEMO_LOGINS.staff.password}
  Admin:        ${DEMO_LOGINS.admin.email} / ${DEMO_LOGINS.admin.password}

  Database: primary ${db.primaryUrl.replace(/:[^:@/]+@/, ":***@")}, ${db.replicaUrls.length} streaming replica(s)
  Press Ctrl-C to stop.
`);
