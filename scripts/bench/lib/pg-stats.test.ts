import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startTestDatabase } from "../../testing/database.ts";
import { captureQueries, parseStatementLog, readShare } from "./pg-stats.ts";

const counters = (c: number, r = 0, f = 0) => ({ xactCommit: c, tupReturned: r, tupFetched: f });

describe("where the queries went", () => {
  it("parses statement lines, taking the text from the next line when it starts with a break", () => {
    const log = [
      "2026-11-26 09:41:00.001 UTC [101] app=shootq-replica-1 LOG:  duration: 0.050 ms  parse <unnamed>: SELECT 1",
      "2026-11-26 09:41:00.002 UTC [101] app=shootq-replica-1 LOG:  duration: 0.020 ms  bind <unnamed>: SELECT 1",
      "2026-11-26 09:41:00.003 UTC [101] app=shootq-replica-1 LOG:  duration: 1.500 ms  execute <unnamed>: ",
      '    SELECT t.id FROM "Task" t',
      "2026-11-26 09:41:00.004 UTC [101] app=shootq-replica-1 DETAIL:  Parameters: $1 = 'x'",
      "2026-11-26 09:41:00.005 UTC [102] app=shootq-probe-primary LOG:  duration: 0.100 ms  statement: SELECT pg_current_wal_lsn()",
    ].join("\n");
    const parsed = parseStatementLog("replica-1", log);
    expect(parsed.map((s) => [s.app, s.phase, s.ms])).toEqual([
      ["shootq-replica-1", "parse", 0.05],
      ["shootq-replica-1", "bind", 0.02],
      ["shootq-replica-1", "execute", 1.5],
      ["shootq-probe-primary", "statement", 0.1],
    ]);
    expect(parsed[2].text).toBe('SELECT t.id FROM "Task" t');
  });

  it("computes the replicas' share of committed transactions", () => {
    const share = readShare(
      { primary: counters(100, 10), replicas: [counters(1000, 0, 5)] },
      { primary: counters(110, 30), replicas: [counters(1090, 50, 25)] },
    );
    expect(share).toEqual({
      primaryTransactions: 10,
      replicaTransactions: 90,
      replicaShare: 0.9,
      primaryRowsRead: 20,
      replicaRowsRead: 70,
    });
  });

  it("counts the statements the app's pools send while work runs, and only those", async () => {
    // A server of its own: the shared one logs every other file's app pools at the same time.
    const database = await startTestDatabase([]);
    const adminUrl = database.adminUrl;
    const client = (name: string) => new pg.Client({ connectionString: database.primaryUrl, application_name: name });
    const app = client("shootq-primary");
    const other = client("shootq-probe-primary");
    await app.connect();
    await other.connect();
    try {
      await app.query("SELECT 1");
      const result = await captureQueries(
        [{ name: "primary", adminUrl, logFile: path.join(database.dir, "primary", "server.log") }],
        async () => {
          await app.query("SELECT $1::int AS a", [1]);
          await app.query("SELECT 2 AS b");
          await other.query("SELECT 3 AS c");
        },
      );
      expect(result.queries).toBe(2);
      expect(result.byServer.primary.queries).toBe(2);
      expect(result.statements.map((s) => s.sql)).toEqual(["SELECT $1::int AS a", "SELECT 2 AS b"]);
      expect(result.totalMs).toBeGreaterThan(0);
      const after = await app.query<{ log_min_duration_statement: string }>("SHOW log_min_duration_statement");
      expect(after.rows[0].log_min_duration_statement).toBe("-1");
    } finally {
      await app.end();
      await other.end();
      await database.destroy();
    }
  });
});
