import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDatabase, type TestDatabase } from "./database.ts";
import { assertStudioScoped, logEveryStatement, parseStatements, shapeOf, tablesOf } from "./studio-scope.ts";

describe("reading a server's statement log", () => {
  it("finds each statement with its pool, a statement's later lines included, and nothing else", () => {
    const log = [
      '2026-12-02 16:19:16.088 UTC [10890] LOG:  parameter "log_statement" changed to "all"',
      '2026-12-02 16:19:16.656 UTC [10919] app=shootq-primary LOG:  execute <unnamed>: SELECT "public"."Lead"."id" FROM "public"."Lead" WHERE "public"."Lead"."studioId" = $1',
      "2026-12-02 16:19:16.657 UTC [10920] app=shootq-replica-1 LOG:  statement: SELECT count(*)",
      '\tFROM "Job" j',
      "\tWHERE j.id = $1",
      '2026-12-02 16:19:16.658 UTC [10919] app=shootq-replica-1 ERROR:  relation "Nope" does not exist',
      '2026-12-02 16:19:16.658 UTC [10919] app=shootq-replica-1 STATEMENT:  SELECT * FROM "Nope"',
      "",
    ].join("\n");
    expect(parseStatements(log)).toEqual([
      {
        app: "shootq-primary",
        sql: 'SELECT "public"."Lead"."id" FROM "public"."Lead" WHERE "public"."Lead"."studioId" = $1',
      },
      { app: "shootq-replica-1", sql: 'SELECT count(*)\n\tFROM "Job" j\n\tWHERE j.id = $1' },
    ]);
  });

  it("names the tables a statement reads or writes, and lists one shape per query", () => {
    expect(tablesOf('SELECT 1 FROM "public"."Lead" LEFT JOIN "public"."Contact" AS c ON TRUE')).toEqual([
      "Lead",
      "Contact",
    ]);
    expect(tablesOf('UPDATE "Invoice" SET x = 1; INSERT INTO "Payment" (a) VALUES (1)')).toEqual([
      "Invoice",
      "Payment",
    ]);
    expect(shapeOf("SELECT 'a''b'\n  WHERE id IN ($1,$2) AND x = $3")).toBe("SELECT '…' WHERE id IN ($…) AND x = $");
  });
});

describe("the studio-scope check on a real server", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase([]);
    await logEveryStatement(db);
  });
  afterAll(() => db?.destroy());

  /** Runs `statements` as the pool `app` would, each with the given parameters. */
  async function runAs(app: string, statements: [string, unknown[]][]) {
    const client = new pg.Client({ connectionString: db.primaryUrl, application_name: app });
    await client.connect();
    try {
      for (const [text, values] of statements) await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  it("fails on a request's statement on a studio's table without studioId, and logs no parameter", async () => {
    const unscoped = 'SELECT "public"."Lead"."id" FROM "public"."Lead" WHERE "public"."Lead"."email" = $1';
    const relationLoad = 'SELECT "public"."Brand"."id" FROM "public"."Brand" WHERE "public"."Brand"."id" IN ($1)';
    await runAs("shootq-primary", [
      ['SELECT "public"."Lead"."id" FROM "public"."Lead" WHERE "public"."Lead"."studioId" = $1', ["planted-a"]],
      ['SELECT "id" FROM "Studio" WHERE "id" = $1', ["planted-b"]],
      [unscoped, ["planted-c"]],
      [unscoped, ["planted-d"]],
      [relationLoad, ["planted-e"]],
    ]);
    // A background service's pool is not a request's.
    await runAs("shootq-email-worker", [['SELECT "id" FROM "public"."Job" WHERE "id" = $1', ["planted-f"]]]);

    await expect(assertStudioScoped(db)).rejects.toThrow(
      /^statements of 2 shape\(s\) .* do not filter on studioId \(of \d+ statements the requests ran\):\n {2}2× \[Lead\] SELECT "public"\."Lead"\."id" FROM "public"\."Lead" WHERE "public"\."Lead"\."email" = \$\n {2}1× \[Brand\] SELECT "public"\."Brand"\."id" FROM "public"\."Brand" WHERE "public"\."Brand"\."id" IN \(\$…\)$/,
    );
    expect(readFileSync(db.logFiles.primary, "utf8")).not.toMatch(/planted-/);
  });

  it("counts what it checked when every request's statement names studioId", async () => {
    const fresh = await startTestDatabase([]);
    try {
      await logEveryStatement(fresh);
      const client = new pg.Client({ connectionString: fresh.primaryUrl, application_name: "shootq-replica-1" });
      await client.connect();
      await client.query('SELECT "id" FROM "public"."Job" WHERE "studioId" = $1', ["s"]);
      await client.query("SELECT 1");
      await client.end();
      const checked = await assertStudioScoped(fresh);
      expect(checked.onStudioTables).toBe(1);
      expect(checked.statements).toBeGreaterThanOrEqual(2);
    } finally {
      await fresh.destroy();
    }
  });
});
