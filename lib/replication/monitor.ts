import pg from "pg";
import { env } from "@/lib/env";
import { hasReplayed, lsnToBigInt } from "@/lib/replication/lsn";

// Replica health and replay positions, probed with plain `pg` pools so proxy.ts stays light.
// Cached per node for a moment. Lag is computed from what the replica itself reports (its clock
// and its received and replayed positions), so every node, freshly started or not, sees the same.

export type ReplicaStatus = {
  index: number;
  inRotation: boolean;
  reason: string | null;
  receiveLsn: string | null;
  replayLsn: string | null;
  lagBytes: number | null;
  lagSeconds: number | null;
};

export type ClusterHealth = {
  primary: { reachable: boolean; lsn: string | null; error: string | null };
  replicas: ReplicaStatus[];
  checkedAt: number;
};

type ReplicaRow = {
  recovery: boolean;
  receive: string | null;
  replay: string | null;
  streaming: boolean;
  since_replay: number | null;
};

const REPLICA_PROBE = `SELECT pg_is_in_recovery() AS recovery, pg_last_wal_receive_lsn()::text AS receive, pg_last_wal_replay_lsn()::text AS replay,
  coalesce((SELECT status = 'streaming' FROM pg_stat_wal_receiver), false) AS streaming,
  extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS since_replay`;

/**
 * How far behind a replica is, from its own report. Bytes: the primary's position minus what the
 * replica has replayed. Seconds: while the replica holds WAL it has received but not replayed,
 * the age of the last commit it replayed (its clock minus that commit's time). That is an upper
 * bound (after an idle spell it overstates, which only keeps the replica out of rotation until
 * it has replayed what it holds), never an understatement, and it needs no memory of this node.
 * Nothing waiting and the receiver streaming (or nothing the primary has is missing): 0.
 */
export function replicaLag(
  row: Omit<ReplicaRow, "recovery">,
  primaryLsn: string | null,
): { lagBytes: number | null; lagSeconds: number } {
  let lagBytes: number | null = null;
  if (primaryLsn && row.replay) {
    const diff = lsnToBigInt(primaryLsn) - lsnToBigInt(row.replay);
    lagBytes = diff > 0n ? Number(diff) : 0;
  }
  const waiting = row.receive !== null && row.replay !== null && !hasReplayed(row.replay, row.receive);
  if (waiting) return { lagBytes, lagSeconds: row.since_replay ?? Infinity };
  if (lagBytes === 0 || row.streaming) return { lagBytes, lagSeconds: 0 };
  // Cut off from a primary that has more: it falls behind by the time since its last replay.
  // With the primary unreachable there is nothing fresher to read, so it stays usable.
  if (primaryLsn === null) return { lagBytes, lagSeconds: 0 };
  return { lagBytes, lagSeconds: row.since_replay ?? Infinity };
}

/** Whether every configured replica is known to have replayed `lsn`: a pin on it no longer matters anywhere. */
export function isReplayedEverywhere(health: ClusterHealth, lsn: string | null): boolean {
  return lsn !== null && health.replicas.length > 0 && health.replicas.every((r) => hasReplayed(r.replayLsn, lsn));
}

type Config = {
  primaryUrl: string;
  replicaUrls: string[];
  maxLagBytes: number;
  maxLagSeconds: number;
  /** How long after its last answer a primary that only timed out still counts as reachable. */
  primaryGraceMs?: number;
};

const PROBE_TIMEOUT_MS = 500;
const CACHE_MS = 1_000;
const PRIMARY_GRACE_MS = 5_000;

/** pg's and PostgreSQL's own words for "no answer in time": pool checkout, connect, read and statement timeouts. */
const isTimeout = (error: Error) => /timeout/i.test(error.message);

/**
 * What a failed probe of the primary means. Refused, reset or shut down: it is gone. Timed out:
 * the primary may be slow, or this node's own event loop too busy to read its answer in time,
 * so within `graceMs` of its last answer it still counts as reachable, with the position it last
 * reported (a lower bound). Read routing relies on this: a primary reported unreachable sends a
 * user's pinned pages to a replica that has not replayed their write.
 */
function primaryAfterFailure(
  error: Error,
  lastAnswer: { at: number; lsn: string } | null,
  graceMs: number,
  now = Date.now(),
): ClusterHealth["primary"] {
  if (isTimeout(error) && lastAnswer && now - lastAnswer.at < graceMs)
    return {
      reachable: true,
      lsn: lastAnswer.lsn,
      error: `slow: ${error.message} (answered ${now - lastAnswer.at} ms ago)`,
    };
  return { reachable: false, lsn: null, error: error.message };
}

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
  private cached: ClusterHealth | null = null;
  private inflight: Promise<ClusterHealth> | null = null;
  private primaryAnswer: { at: number; lsn: string } | null = null;

  constructor(private config: Config) {
    this.primary = pool(config.primaryUrl, "shootq-probe-primary");
    this.replicas = config.replicaUrls.map((u, i) => pool(u, `shootq-probe-replica-${i + 1}`));
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
      .then((r) => {
        this.primaryAnswer = { at: Date.now(), lsn: r.rows[0].lsn };
        return { reachable: true, lsn: r.rows[0].lsn, error: null };
      })
      .catch((e: Error) => primaryAfterFailure(e, this.primaryAnswer, this.config.primaryGraceMs ?? PRIMARY_GRACE_MS));
    const replicas = await Promise.all(this.replicas.map((_, i) => this.probeReplica(i, primary.lsn)));
    return { primary, replicas, checkedAt: Date.now() };
  }

  private async probeReplica(index: number, primaryLsn: string | null): Promise<ReplicaStatus> {
    const down = (reason: string): ReplicaStatus => ({
      index,
      inRotation: false,
      reason,
      receiveLsn: null,
      replayLsn: null,
      lagBytes: null,
      lagSeconds: null,
    });
    let row: ReplicaRow;
    try {
      const r = await this.replicas[index].query<ReplicaRow>(REPLICA_PROBE);
      row = r.rows[0];
    } catch (e) {
      return down(`unreachable: ${(e as Error).message}`);
    }
    if (!row.recovery || !row.replay) return down("not a streaming standby");
    const { lagBytes, lagSeconds } = replicaLag(row, primaryLsn);
    const { maxLagBytes, maxLagSeconds } = this.config;
    let reason: string | null = null;
    if (lagBytes !== null && lagBytes > maxLagBytes) reason = `lagging ${lagBytes} bytes (limit ${maxLagBytes})`;
    else if (lagSeconds > maxLagSeconds)
      reason = Number.isFinite(lagSeconds)
        ? `lagging ${lagSeconds.toFixed(1)} s (limit ${maxLagSeconds} s)`
        : "lagging, by an unknown time (nothing replayed since it started)";
    return {
      index,
      inRotation: reason === null,
      reason,
      receiveLsn: row.receive,
      replayLsn: row.replay,
      lagBytes,
      lagSeconds: Number.isFinite(lagSeconds) ? lagSeconds : null,
    };
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
