import type { ClusterStatus, RollReport } from "../../scripts/lib/app-cluster";
import { callClusterControl } from "../../scripts/lib/cluster-control";

// The cluster started by e2e/support/cluster-setup.ts, through its control port.

function info() {
  const controlUrl = process.env.SHOOTQ_CLUSTER_CONTROL_URL;
  const token = process.env.SHOOTQ_CLUSTER_CONTROL_TOKEN;
  if (!controlUrl || !token)
    throw new Error("these specs run against the cluster: npx playwright test -c playwright.cluster.config.ts");
  return { controlUrl, token };
}

export const clusterStatus = () => callClusterControl<ClusterStatus>(info(), "GET", "/status");

export const rollCluster = (body: { deploymentId?: string } = {}) =>
  callClusterControl<RollReport>(info(), "POST", "/roll", body);

/** Waits until every node is up, healthy and in nginx's rotation. */
export async function waitForAllNodes(timeoutMs = 60_000): Promise<ClusterStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await clusterStatus();
    if (status.nodes.every((n) => n.state === "up" && n.healthy && n.inRotation)) return status;
    if (Date.now() > deadline) throw new Error(`nodes not all up: ${JSON.stringify(status.nodes)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
