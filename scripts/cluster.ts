// `npm run start:cluster`: ShootQ as it runs in production, on one machine. The embedded primary
// and replicas (unless DATABASE_URL points elsewhere), N `next start` nodes sharing one build and
// one set of secrets, the worker when there is one, and nginx in front on PORT. Ctrl-C stops all.
// `npm run cluster:roll` (or SIGHUP to this process) restarts the nodes one at a time.
import { parseArgs } from "node:util";
import { startAppCluster, type AppCluster } from "./lib/app-cluster.ts";
import { printWelcome } from "./lib/banner.ts";
import { serveClusterControl, type ClusterControl } from "./lib/cluster-control.ts";
import { prepareDatabase, provideDatabase } from "./lib/database.ts";
import { ensureBuild } from "./lib/ensure-build.ts";
import { startMailSink, type MailSink } from "./lib/mail-sink.ts";
import { localSecrets } from "./lib/paths.ts";
import { onShutdown, stopService } from "./lib/processes.ts";

const log = (line: string) => console.log(`[cluster] ${line}`);

function count(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: { nodes: { type: "string", short: "n" }, replicas: { type: "string", short: "r" } },
  strict: true,
});
const nodeCount = count("--nodes / SHOOTQ_NODES", values.nodes ?? process.env.SHOOTQ_NODES, 2, 1, 32);
const replicas = count("--replicas / SHOOTQ_REPLICAS", values.replicas ?? process.env.SHOOTQ_REPLICAS, 1, 0, 8);
const port = count("PORT", process.env.PORT, 3000, 1, 65535);
const url = process.env.APP_URL ?? `http://localhost:${port}`;

const db = await provideDatabase({ replicas, log });
let cluster: AppCluster | null = null;
let control: ClusterControl | null = null;
let mail: MailSink | null = null;
let stopping = false;
onShutdown(async () => {
  stopping = true;
  await control?.close();
  await cluster?.stop();
  if (mail?.service) await stopService(mail.service);
  await db.stop();
  log("stopped");
});

try {
  await prepareDatabase(db.primaryUrl, log);
  ensureBuild(log);
  mail = await startMailSink(log);
  cluster = await startAppCluster({
    nodes: nodeCount,
    port,
    url,
    env: {
      ...localSecrets(),
      ...process.env,
      DATABASE_URL: db.primaryUrl,
      DATABASE_REPLICA_URLS: db.replicaUrls.join(","),
      SMTP_URL: mail.smtpUrl,
    },
    log,
  });
} catch (e) {
  if (mail?.service) await stopService(mail.service);
  await db.stop();
  throw e;
}
control = await serveClusterControl(cluster);
void cluster.nginxExited.then((code) => {
  if (stopping) return;
  log(`nginx exited (code ${code}); stopping the cluster`);
  process.kill(process.pid, "SIGTERM");
});
process.on("SIGHUP", () => {
  cluster?.roll().catch((e: Error) => log(`rolling restart failed: ${e.message}`));
});

printWelcome({
  url,
  db,
  details: [
    `Cluster:  ${nodeCount} app node(s) behind nginx${cluster.status().worker ? ", the worker" : ""}; logs in .data/logs and .data/nginx/logs`,
    "Rolling restart onto the latest `npm run build`: npm run cluster:roll",
    ...(mail?.webUrl ? [`Emails the demo sends: ${mail.webUrl}`] : []),
  ],
});
