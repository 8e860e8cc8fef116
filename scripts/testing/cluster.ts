import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureQueueSchema } from "../../lib/email/queue.ts";
import { startEmbeddedCluster, type Cluster } from "../db/embedded-cluster.ts";
import { migrate } from "../db/migrate.ts";
import { freePort } from "../lib/processes.ts";
import pg from "pg";

/** Waits until every replica has replayed everything the primary has committed so far. */
export async function waitForReplay(cluster: Pick<Cluster, "primaryUrl" | "replicaUrls">, timeoutMs = 30_000) {
  const primary = new pg.Client({ connectionString: cluster.primaryUrl });
  await primary.connect();
  const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  await primary.end();
  for (const url of cluster.replicaUrls) {
    const replica = new pg.Client({ connectionString: url });
    await replica.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const r = await replica.query<{ ok: boolean }>("SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()) <= 0 AS ok", [rows[0].lsn]);
        if (r.rows[0].ok) break;
        if (Date.now() > deadline) throw new Error(`replica ${url} did not catch up within ${timeoutMs} ms`);
        await new Promise((res) => setTimeout(res, 100));
      }
    } finally {
      await replica.end();
    }
  }
}

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
  await waitForReplay(cluster);
  return {
    ...cluster,
    dir,
    async destroy() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
