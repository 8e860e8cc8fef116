import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { startTestCluster } from "../../scripts/testing/cluster";
import { startAppCluster } from "../../scripts/lib/app-cluster";
import { serveClusterControl } from "../../scripts/lib/cluster-control";
import { localSecrets } from "../../scripts/lib/paths";
import { currentBuildId } from "../../scripts/lib/release";
import { E2E_LINK_SECRET } from "./global-setup";

export const CLUSTER_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 3310);

/**
 * The production layout on loopback: a primary and a streaming replica that applies WAL 2 s late,
 * two `next start` nodes of the current build behind nginx. Specs reach the cluster's control port
 * through SHOOTQ_CLUSTER_CONTROL_URL / _TOKEN (to roll it or find a node's pid).
 */
export default async function clusterSetup() {
  currentBuildId(); // fails early, and clearly, without a build
  const db = await startTestCluster([process.env.SHOOTQ_REPLICA_DELAY ?? "2s"]);
  Object.assign(process.env, { DATABASE_URL: db.primaryUrl, DATABASE_REPLICA_URLS: db.replicaUrls.join(","), APP_URL: `http://localhost:${CLUSTER_PORT}`, LINK_SECRET: E2E_LINK_SECRET });
  // nginx's workers (user nobody when run as root) read the static files staged here.
  const dataDir = mkdtempSync(`${os.tmpdir()}/shootq-e2e-cluster-`);
  chmodSync(dataDir, 0o755);
  const url = `http://localhost:${CLUSTER_PORT}`;
  try {
    const cluster = await startAppCluster({
      nodes: 2,
      port: CLUSTER_PORT,
      host: "127.0.0.1",
      url,
      dataDir,
      // Like the single-node e2e setup, no worker: specs see queued emails as they were queued.
      worker: null,
      env: {
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: localSecrets().NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
        ...process.env,
        SESSION_SECRET: "e2e-session-secret-0123456789abcdefghijkl",
        NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdefghijk",
        LINK_SECRET: E2E_LINK_SECRET,
        SECURE_COOKIES: "false",
      },
      log: (line) => console.log(`[e2e-cluster] ${line}`),
    });
    const control = await serveClusterControl(cluster, { file: null });
    Object.assign(process.env, { SHOOTQ_CLUSTER_CONTROL_URL: control.controlUrl, SHOOTQ_CLUSTER_CONTROL_TOKEN: control.token, SHOOTQ_CLUSTER_DATA_DIR: dataDir });
    return async () => {
      await control.close();
      await cluster.stop();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } catch (e) {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
