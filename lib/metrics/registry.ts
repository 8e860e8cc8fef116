import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics. Kept on globalThis: Next.js bundles the proxy, route handlers
 * and server actions separately, and each bundle would otherwise count into a registry of its own.
 * Label values come from short fixed lists (hosts, reasons, statuses), never from user input.
 */
function createMetrics() {
  const registry = new Registry();
  // Event-loop lag, heap and resident memory, CPU, handles: prom-client's standard set.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  // What only an app node knows, read at scrape time (the replicas and primary as its probe sees
  // them, the queues): served by the nodes alone. A gauge never set reads 0, so in the worker's
  // scrape `shootq_primary_reachable` would say the primary is down, and page someone.
  const nodeRegistry = new Registry();
  const nodeRegisters = [nodeRegistry];
  return {
    registry,
    nodeRegistry,
    readHostDecisions: new Counter({
      name: "shootq_read_host_decisions_total",
      help: "Requests by the database host the proxy chose for their reads, and why.",
      labelNames: ["host", "reason"] as const,
      registers,
    }),
    readFallbacks: new Counter({
      name: "shootq_read_fallbacks_total",
      help: "Reads that failed on one host and were run again on another.",
      registers,
    }),
    requests: new Histogram({
      name: "shootq_request_duration_seconds",
      help: "Every request a node answered (pages, server actions, API), by the route pattern Next.js matched (never the URL), method and status; 'unmatched' when no route matched.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    writes: new Histogram({
      name: "shootq_write_duration_seconds",
      help: "Server actions and API writes, by kind and outcome: ok, or the status of the refusal (400 bad input, 404, 409, 429, 503 read-only, 500 unexpected).",
      labelNames: ["kind", "status"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    replicaLagSeconds: new Gauge({
      name: "shootq_replica_lag_seconds",
      help: "How far each replica's replay is behind, as this node's last probe saw it.",
      labelNames: ["replica"] as const,
      registers: nodeRegisters,
    }),
    replicaLagBytes: new Gauge({
      name: "shootq_replica_lag_bytes",
      help: "WAL bytes each replica has not replayed yet, as this node's last probe saw it.",
      labelNames: ["replica"] as const,
      registers: nodeRegisters,
    }),
    replicaInRotation: new Gauge({
      name: "shootq_replica_in_rotation",
      help: "1 while this node sends reads to the replica, 0 while it is out of rotation.",
      labelNames: ["replica"] as const,
      registers: nodeRegisters,
    }),
    primaryReachable: new Gauge({
      name: "shootq_primary_reachable",
      help: "1 while this node's probe reaches the primary.",
      registers: nodeRegisters,
    }),
    dbPoolConnections: new Gauge({
      name: "shootq_db_pool_connections",
      help: "This process's database connections per pool (shootq-primary, shootq-replica-N): in use, idle, and requests waiting for one (above 0 for long: the pool is too small for the load, DB_POOL_SIZE).",
      labelNames: ["pool", "state"] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: "shootq_queue_due_jobs",
      help: "Background jobs due and not yet done, by queue (email, webhooks, billing, imports...).",
      labelNames: ["queue"] as const,
      registers: nodeRegisters,
    }),
    queueOldestSeconds: new Gauge({
      name: "shootq_queue_oldest_due_job_age_seconds",
      help: "Age of the oldest due job of each queue: grows when its worker is down or falling behind.",
      labelNames: ["queue"] as const,
      registers: nodeRegisters,
    }),
    emailDeliveries: new Counter({
      name: "shootq_email_deliveries_total",
      help: "Email delivery attempts of the worker, by outcome (sent, failed: retried later or given up, and the no-ops).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    emailsQueued: new Gauge({
      name: "shootq_emails_queued",
      help: "Emails written and not yet delivered.",
      registers: nodeRegisters,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { shootqMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.shootqMetrics ??= createMetrics();
  return globalForMetrics.shootqMetrics;
}
