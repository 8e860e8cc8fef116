import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { startAppCluster } from "../../scripts/lib/app-cluster";
import { serveClusterControl } from "../../scripts/lib/cluster-control";
import { scratchDir, stopEverything } from "../../scripts/lib/lifecycle";
import { localSecrets } from "../../scripts/lib/paths";
import { currentBuildId } from "../../scripts/lib/release";
import type { TestDatabase } from "../../scripts/testing/database";
import { startE2eBackend } from "./backend";
import { keepRunLogs } from "./run-logs";
import { studioScopeProblem } from "./studio-scope";

export const CLUSTER_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 3310);

/**
 * The production layout on loopback: a primary and a streaming replica that applies WAL 2 s late,
 * two `next start` nodes of the current build behind nginx, the background services and a mail
 * sink. Specs reach the cluster's control port through SHOOTQ_CLUSTER_CONTROL_URL / _TOKEN (to
 * roll it or find a node's pid). The teardown then fails the run when any process, nginx
 * included, logged a secret (scripts/testing/log-secrets.ts).
 */
export default async function clusterSetup(config: FullConfig) {
  currentBuildId(); // fails early, and clearly, without a build
  const logs = keepRunLogs(config);
  let nginxPrefix: string | undefined;
  let database: TestDatabase | undefined;
  try {
    const { db, env } = await startE2eBackend({
      appUrl: `http://localhost:${CLUSTER_PORT}`,
      portVariable: "E2E_CLUSTER_PORT",
      replicaDelay: process.env.SHOOTQ_REPLICA_DELAY ?? "2s",
      services: false,
    });
    database = db;
    // nginx's workers (user nobody when run as root) read the static files staged here.
    const dataDir = scratchDir("shootq-e2e-cluster");
    nginxPrefix = path.join(dataDir.path, "nginx");
    const cluster = await startAppCluster({
      nodes: 2,
      port: CLUSTER_PORT,
      host: "127.0.0.1",
      url: `http://localhost:${CLUSTER_PORT}`,
      dataDir: dataDir.path,
      env: { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: localSecrets().NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, ...env },
      log: (line) => console.log(`[e2e-cluster] ${line}`),
    });
    const control = await serveClusterControl(cluster, { file: null });
    Object.assign(process.env, {
      SHOOTQ_CLUSTER_CONTROL_URL: control.controlUrl,
      SHOOTQ_CLUSTER_CONTROL_TOKEN: control.token,
      SHOOTQ_CLUSTER_DATA_DIR: dataDir.path,
    });
  } catch (error) {
    await stopEverything();
    throw error;
  }
  return async () => {
    const scope = database && (await studioScopeProblem(database));
    // nginx's own logs live in the cluster's scratch folder, which stopping removes.
    if (nginxPrefix) logs.keepNginxLogs(nginxPrefix);
    await stopEverything();
    logs.check();
    if (scope) throw scope;
  };
}
