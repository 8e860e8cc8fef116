import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureQueueSchema } from "@/lib/email/queue";
import { startEmbeddedCluster, type Cluster } from "@/scripts/db/embedded-cluster";
import { migrate } from "@/scripts/db/migrate";
import { freePort } from "@/scripts/lib/processes";

export type TestCluster = Cluster & { dir: string; destroy(): Promise<void> };

/**
 * A throwaway primary and replicas on free ports, migrated, in a folder the postgres user can
 * reach. `delays` gives each replica's recovery_min_apply_delay.
 */
export async function startTestCluster(delays: string[]): Promise<TestCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-test-"));
  chmodSync(dir, 0o755);
  const primaryPort = await freePort();
  const replicaPorts: number[] = [];
  while (replicaPorts.length < delays.length) replicaPorts.push(await freePort());
  const cluster = await startEmbeddedCluster({ dir, primaryPort, replicaPorts, replicaDelays: delays });
  await migrate(cluster.primaryUrl);
  await ensureQueueSchema(cluster.primaryUrl);
  return {
    ...cluster,
    dir,
    async destroy() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
