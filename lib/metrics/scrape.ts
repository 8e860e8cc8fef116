import "server-only";
import { primaryDb } from "@/lib/db";
import { isUnavailableError } from "@/lib/errors";
import { type Metrics, metrics } from "@/lib/metrics/registry";
import { replicaMonitor } from "@/lib/replication/monitor";
import { connectionPools } from "@/lib/service-db";

/**
 * Every metric of this node in Prometheus's text format. What is counted as it happens (read-host
 * decisions, fallbacks, writes) is already in the registry; what is a state is read now: the
 * replicas from the node's cached probe (the one read routing uses, at most a second old), the
 * queues from the primary with two small indexed queries.
 */
export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  for (const [pool, p] of connectionPools()) {
    m.dbPoolConnections.set({ pool, state: "in_use" }, p.totalCount - p.idleCount);
    m.dbPoolConnections.set({ pool, state: "idle" }, p.idleCount);
    m.dbPoolConnections.set({ pool, state: "waiting" }, p.waitingCount);
  }
  const health = await replicaMonitor().health();
  m.primaryReachable.set(health.primary.reachable ? 1 : 0);
  for (const r of health.replicas) {
    const replica = `replica-${r.index + 1}`;
    m.replicaInRotation.set({ replica }, r.inRotation ? 1 : 0);
    m.replicaLagSeconds.set({ replica }, r.lagSeconds ?? Number.NaN);
    m.replicaLagBytes.set({ replica }, r.lagBytes ?? Number.NaN);
  }
  // Queues are read afresh each scrape (one that emptied disappears); while the primary is down
  // they cannot be read and stay absent, and the rest still answers.
  m.queueDepth.reset();
  m.queueOldestSeconds.reset();
  m.emailsQueued.reset();
  await readQueues(m).catch((error) => {
    if (!isUnavailableError(error)) throw error;
  });
  const body = (await m.registry.metrics()) + (await m.nodeRegistry.metrics());
  return { body, contentType: m.registry.contentType };
}

async function readQueues(m: Metrics) {
  const db = primaryDb();
  // pg-boss's own table (its schema exists once a worker has started): jobs due now, by queue.
  const [jobs, queued] = await Promise.all([
    db.$queryRaw<{ queue: string; due: number; oldest: number }[]>`
    SELECT name AS queue, count(*)::int AS due, EXTRACT(EPOCH FROM now() - min(start_after))::float8 AS oldest
    FROM pgboss.job
    WHERE state IN ('created', 'retry') AND start_after <= now()
    GROUP BY name`.catch((error: { message?: string }) =>
      /relation "pgboss\.job" does not exist/.test(String(error?.message)) ? [] : Promise.reject(error),
    ),
    db.emailMessage.count({ where: { status: "QUEUED" } }),
  ]);
  for (const j of jobs) {
    m.queueDepth.set({ queue: j.queue }, j.due);
    m.queueOldestSeconds.set({ queue: j.queue }, Math.max(0, j.oldest));
  }
  m.emailsQueued.set(queued);
}
