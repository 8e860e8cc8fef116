import { closeSync, openSync, readSync, statSync } from "node:fs";
import { alterSystem, sql } from "../../testing/database.ts";

export type DatabaseCounters = { xactCommit: number; tupReturned: number; tupFetched: number };

/** PostgreSQL's own per-database counters on one server. */
export async function readCounters(adminUrl: string, database = "shootq"): Promise<DatabaseCounters> {
  const [rows] = await sql(
    adminUrl,
    `SELECT xact_commit::bigint AS c, tup_returned::bigint AS r, tup_fetched::bigint AS f FROM pg_stat_database WHERE datname = '${database.replace(/'/g, "''")}'`,
  );
  const row = rows[0] ?? { c: 0, r: 0, f: 0 };
  return { xactCommit: Number(row.c), tupReturned: Number(row.r), tupFetched: Number(row.f) };
}

export type ServerCounters = { primary: DatabaseCounters; replicas: DatabaseCounters[] };

export async function snapshotCounters(adminUrls: { primary: string; replicas: string[] }): Promise<ServerCounters> {
  return {
    primary: await readCounters(adminUrls.primary),
    replicas: await Promise.all(adminUrls.replicas.map((u) => readCounters(u))),
  };
}

export type ReadShare = {
  /** Transactions committed on each server over the window (every read the app sends outside a write is one). */
  primaryTransactions: number;
  replicaTransactions: number;
  /** replica / (primary + replica). */
  replicaShare: number;
  primaryRowsRead: number;
  replicaRowsRead: number;
};

export function readShare(before: ServerCounters, after: ServerCounters): ReadShare {
  const sum = (list: DatabaseCounters[], key: keyof DatabaseCounters) => list.reduce((n, c) => n + c[key], 0);
  const primaryTransactions = after.primary.xactCommit - before.primary.xactCommit;
  const replicaTransactions = sum(after.replicas, "xactCommit") - sum(before.replicas, "xactCommit");
  const rows = (c: DatabaseCounters) => c.tupReturned + c.tupFetched;
  const total = primaryTransactions + replicaTransactions;
  return {
    primaryTransactions,
    replicaTransactions,
    replicaShare: total > 0 ? Math.round((replicaTransactions / total) * 1000) / 1000 : 0,
    primaryRowsRead: rows(after.primary) - rows(before.primary),
    replicaRowsRead: after.replicas.reduce((n, c) => n + rows(c), 0) - before.replicas.reduce((n, c) => n + rows(c), 0),
  };
}

export type LoggedStatement = {
  server: string;
  app: string;
  phase: "parse" | "bind" | "execute" | "statement";
  ms: number;
  text: string;
};

const LINE =
  /^\S+ \S+ \S+ \[\d+\] app=(\S*) LOG:\s+duration: ([\d.]+) ms\s+(parse|bind|execute|statement)[^:]*:\s?(.*)$/;

/** Statement lines from PostgreSQL's log written with log_line_prefix '%m [%p] app=%a '. */
export function parseStatementLog(server: string, text: string): LoggedStatement[] {
  const out: LoggedStatement[] = [];
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    const m = LINE.exec(line);
    // A statement that starts with a line break continues on the next line.
    if (m)
      out.push({
        server,
        app: m[1],
        ms: Number(m[2]),
        phase: m[3] as LoggedStatement["phase"],
        text: m[4].trim() || (lines[i + 1] ?? "").trim(),
      });
  }
  return out;
}

function readFrom(file: string, offset: number): string {
  const size = statSync(file).size;
  if (size <= offset) return "";
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString("utf8");
  } finally {
    closeSync(fd);
  }
}

export type RenderQueries = {
  /** Statements the app's own pools ran (application_name shootq-primary / shootq-replica-N). */
  queries: number;
  /** Sum of their parse + bind + execute durations as PostgreSQL logged them. */
  totalMs: number;
  byServer: Record<string, { queries: number; ms: number }>;
  statements: { server: string; ms: number; sql: string }[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Logs every statement on every server for the duration of `work` (log_min_duration_statement = 0,
 * set with ALTER SYSTEM and reset after), then counts the ones sent by the app's database pools.
 * The health probes use pools of their own (shootq-probe-*) and are left out.
 */
export async function captureQueries(
  servers: { name: string; adminUrl: string; logFile: string }[],
  work: () => Promise<void>,
  apps = /^shootq-(primary|replica-\d+)$/,
): Promise<RenderQueries> {
  const set = (on: boolean) =>
    Promise.all(
      servers.map((s) =>
        alterSystem(
          s.adminUrl,
          { log_min_duration_statement: on ? "0" : null, log_line_prefix: on ? "'%m [%p] app=%a '" : null },
          ["log_min_duration_statement", on ? "0" : "-1"],
        ),
      ),
    );
  await set(true);
  const offsets = servers.map((s) => statSync(s.logFile).size);
  try {
    await work();
    await sleep(300);
  } finally {
    await set(false);
  }
  const statements = servers
    .flatMap((s, i) => parseStatementLog(s.name, readFrom(s.logFile, offsets[i])))
    .filter((st) => apps.test(st.app));
  const byServer: RenderQueries["byServer"] = {};
  let queries = 0;
  let totalMs = 0;
  for (const st of statements) {
    const entry = (byServer[st.server] ??= { queries: 0, ms: 0 });
    entry.ms += st.ms;
    totalMs += st.ms;
    if (st.phase === "execute" || st.phase === "statement") {
      entry.queries++;
      queries++;
    }
  }
  for (const entry of Object.values(byServer)) entry.ms = Math.round(entry.ms * 100) / 100;
  return {
    queries,
    totalMs: Math.round(totalMs * 100) / 100,
    byServer,
    statements: statements
      .filter((s) => s.phase === "execute" || s.phase === "statement")
      .map((s) => ({ server: s.server, ms: s.ms, sql: s.text.slice(0, 200) })),
  };
}
