import pg from "pg";
import { env } from "@/lib/env";
import { lsnToBigInt } from "@/lib/replication/lsn";

// Replica health and replay positions, probed with plain `pg` pools so proxy.ts stays light.
// Cached per node for a moment: an observation, never state that correctness depends on.

export type ReplicaStatus = {
  index: number;
  inRotation: boolean;
  reason: string | null;
  replayLsn: string | null;
  lagBytes: number | null;
  lagSeconds: number | null;
};

export type ClusterHealth = {
  primary: { reachable: boolean; lsn: string | null; error: string | null };
  replicas: ReplicaStatus[];
  checkedAt: number;
};

type Config = { primaryUrl: string; replicaUrls: string[]; maxLagBytes: number; maxLagSeconds: number };

const PROBE_TIMEOUT_MS = 500;
const CACHE_MS = 1_000;

function pool(url: string, name: string) {
  const p = new pg.Pool({
    connectionString: url,
    application_name: name,
    max: 2,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    statement_timeout: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS + 200,
  });
  p.on("error", () => {}); // an idle probe connection dying is what the next probe reports
  return p;
}

export class ReplicaMonitor {
  private primary: pg.Pool;
  private replicas: pg.Pool[];
  private behindSince: (number | null)[];
  private cached: ClusterHealth | null = null;
  private inflight: Promise<ClusterHealth> | null = null;

  constructor(private config: Config) {
    this.primary = pool(config.primaryUrl, "shootq-probe-primary");
    this.replicas = config.replicaUrls.map((u, i) => pool(u, `shootq-probe-replica-${i + 1}`));
    this.behindSince = config.replicaUrls.map(() => null);
  }

  get replicaCount() {
    return this.replicas.length;
  }

  /** Health, at most CACHE_MS old. */
  async health(): Promise<ClusterHealth> {
    if (this.cached && Date.now() - this.cached.checkedAt < CACHE_MS) return this.cached;
    this.inflight ??= this.probe().finally(() => (this.inflight = null));
    this.cached = await this.inflight;
    return this.cached;
  }

  /** A fresh probe of everything. */
  async probe(): Promise<ClusterHealth> {
    const primary = await this.primary
      .query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")
      .then((r) => ({ reachable: true, lsn: r.rows[0].lsn, error: null }))
      .catch((e: Error) => ({ reachable: false, lsn: null, error: e.message }));
    const replicas = await Promise.all(this.replicas.map((_, i) => this.probeReplica(i, primary.lsn)));
    return { primary, replicas, checkedAt: Date.now() };
  }

  private async probeReplica(index: number, primaryLsn: string | null): Promise<ReplicaStatus> {
    const down = (reason: string): ReplicaStatus => ({ index, inRotation: false, reason, replayLsn: null, lagBytes: null, lagSeconds: null });
    let row: { recovery: boolean; replay: string | null; since_replay: number | null };
    try {
      const r = await this.replicas[index].query(
        `SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replay,
                extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS since_replay`,
      );
      row = r.rows[0];
    } catch (e) {
      return down(`unreachable: ${(e as Error).message}`);
    }
    if (!row.recovery || !row.replay) return down("not a streaming standby");
    const now = Date.now();
    let lagBytes = 0;
    if (primaryLsn) {
      const diff = lsnToBigInt(primaryLsn) - lsnToBigInt(row.replay);
      lagBytes = diff > 0n ? Number(diff) : 0;
    }
    if (lagBytes === 0) this.behindSince[index] = null;
    else this.behindSince[index] ??= now;
    // A caught-up replica has no lag, however long ago the primary last committed. When behind,
    // the time since the last replayed commit overstates lag after an idle spell, so it is capped
    // by how long this node has seen the replica behind.
    const lagSeconds =
      lagBytes === 0 ? 0 : Math.min(row.since_replay ?? Infinity, (now - (this.behindSince[index] ?? now)) / 1000);
    const { maxLagBytes, maxLagSeconds } = this.config;
    let reason: string | null = null;
    if (lagBytes > maxLagBytes) reason = `lagging ${lagBytes} bytes (limit ${maxLagBytes})`;
    else if (lagSeconds > maxLagSeconds) reason = `lagging ${lagSeconds.toFixed(1)} s (limit ${maxLagSeconds} s)`;
    return { index, inRotation: reason === null, reason, replayLsn: row.replay, lagBytes, lagSeconds };
  }

  /** Indexes of the replicas in `candidates` that have replayed up to `lsn`, probed now. */
  async caughtUp(candidates: number[], lsn: string): Promise<number[]> {
    const results = await Promise.all(
      candidates.map(async (i) => {
        try {
          const r = await this.replicas[i].query<{ ok: boolean }>(
            "SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()) <= 0 AS ok",
            [lsn],
          );
          return r.rows[0].ok ? i : -1;
        } catch {
          return -1; // a failed probe means "not caught up"
        }
      }),
    );
    return results.filter((i) => i >= 0);
  }

  /** The primary's current WAL position: every commit so far is at or before it. */
  async primaryLsn(): Promise<string> {
    const r = await this.primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    return r.rows[0].lsn;
  }
}

const globalForMonitor = globalThis as unknown as { shootqMonitor?: ReplicaMonitor };

export function replicaMonitor(): ReplicaMonitor {
  if (!globalForMonitor.shootqMonitor) {
    const e = env();
    globalForMonitor.shootqMonitor = new ReplicaMonitor({
      primaryUrl: e.DATABASE_URL,
      replicaUrls: e.DATABASE_REPLICA_URLS,
      maxLagBytes: e.REPLICA_MAX_LAG_BYTES,
      maxLagSeconds: e.REPLICA_MAX_LAG_SECONDS,
    });
  }
  return globalForMonitor.shootqMonitor;
}
