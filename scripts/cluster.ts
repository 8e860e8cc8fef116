// `npm run start:cluster`: ShootQ as it runs in production, on one machine. The embedded primary
// and replicas (unless DATABASE_URL points elsewhere), N `next start` nodes sharing one build and
// one set of secrets, the background services, and nginx in front on PORT. Ctrl-C stops all.
// `npm run cluster:roll` (or SIGHUP to this process) restarts the nodes one at a time.
import { parseArgs } from "node:util";
import { startAppCluster } from "./lib/app-cluster.ts";
import { printWelcome } from "./lib/banner.ts";
import { serveClusterControl } from "./lib/cluster-control.ts";
import { ensureBuild } from "./lib/ensure-build.ts";
import { HarnessError, runHarness } from "./lib/harness.ts";
import { exitHarness } from "./lib/lifecycle.ts";
import { startLocalStack } from "./lib/local-stack.ts";
import { assertPortsFree } from "./lib/processes.ts";
import { planLocalPrometheus } from "./lib/prometheus.ts";
import { countOf } from "../lib/words.ts";

function count(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new HarnessError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

await runHarness({ name: "cluster" }, async (log) => {
  const { values } = parseArgs({
    options: { nodes: { type: "string", short: "n" }, replicas: { type: "string", short: "r" } },
    strict: true,
  });
  const nodeCount = count("--nodes / SHOOTQ_NODES", values.nodes ?? process.env.SHOOTQ_NODES, 2, 1, 32);
  const replicas = count("--replicas / SHOOTQ_REPLICAS", values.replicas ?? process.env.SHOOTQ_REPLICAS, 1, 0, 8);
  const port = count("PORT", process.env.PORT, 3000, 1, 65535);
  const url = process.env.APP_URL ?? `http://localhost:${port}`;
  await assertPortsFree([{ port, variable: "PORT", what: "nginx" }]);
  const { db, mail, env } = await startLocalStack({ log, url, replicas });
  const startMetrics = await planLocalPrometheus(env, log);
  ensureBuild(log);
  const cluster = await startAppCluster({ nodes: nodeCount, port, url, env, log });
  const prometheus = await startMetrics?.(cluster.status().nodes.map((n) => n.port));
  await serveClusterControl(cluster);
  void cluster.nginxExited.then((code) => exitHarness(`nginx exited (code ${code})`, log));
  process.on("SIGHUP", () => {
    cluster.roll().catch((e: Error) => log(`rolling restart failed: ${e.message}`));
  });

  printWelcome({
    url,
    db,
    details: [
      `Cluster:  ${countOf(nodeCount, "app node", "app nodes")} behind nginx, ${cluster.status().services.join(", ")}; logs in .data/logs and .data/nginx/logs`,
      "Rolling restart onto the latest `npm run build`: npm run cluster:roll",
      ...(mail.webUrl ? [`Emails the demo sends: ${mail.webUrl}`] : []),
      ...(prometheus
        ? [
            `Metrics:  Prometheus at ${prometheus.url} (every node, the worker, billing; the alert rules of docs/monitoring)`,
          ]
        : []),
    ],
  });
  return "serve";
});
