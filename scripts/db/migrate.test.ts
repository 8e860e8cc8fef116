import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, databaseUrl, dropDatabase } from "../testing/database";
import { MIGRATIONS_DIR, migrate } from "./migrate";
import { currentSchema, diffSchemas } from "./schema-sql";

const { primaryUrl } = inject("database");

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const dbUrl = (name: string) => databaseUrl(primaryUrl, name);

/** Everything a schema defines, as comparable text. */
async function catalog(url: string) {
  return withClient(url, async (c) => {
    const q = async (sql: string) => (await c.query(sql)).rows.map((r) => JSON.stringify(r));
    return {
      columns:
        await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
                        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                        ORDER BY table_name, column_name`),
      indexes: await q(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
      ),
      constraints:
        await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`),
      enums: await q(
        `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
      ),
    };
  });
}

describe("migrations", () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const migrated = `mig_a_${suffix}`;
  const fromSchema = `mig_b_${suffix}`;

  beforeAll(async () => {
    await createDatabase(primaryUrl, migrated);
    await createDatabase(primaryUrl, fromSchema);
  });
  afterAll(async () => {
    await dropDatabase(primaryUrl, migrated);
    await dropDatabase(primaryUrl, fromSchema);
  });

  it("a database built from the migrations matches schema.prisma exactly", async () => {
    await migrate(dbUrl(migrated));
    const sql = diffSchemas(primaryUrl, null, currentSchema());
    await withClient(dbUrl(fromSchema), (c) => c.query(sql));
    const [a, b] = [await catalog(dbUrl(migrated)), await catalog(dbUrl(fromSchema))];
    expect(a.columns.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });

  it("running again applies nothing and records each migration once", async () => {
    expect(await migrate(dbUrl(migrated))).toEqual([]);
    const rows = await withClient(
      dbUrl(migrated),
      async (c) => (await c.query(`SELECT migration_name, checksum FROM _prisma_migrations`)).rows,
    );
    expect(rows.map((r) => r.migration_name).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/_init$/)]));
    expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const first = (await import("node:fs"))
        .readdirSync(dir)
        .filter((n) => /^\d/.test(n))
        .sort()[0];
      writeFileSync(path.join(dir, first, "migration.sql"), "-- edited\nSELECT 1;\n");
      await expect(migrate(dbUrl(migrated), { dir })).rejects.toThrow(/changed after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a failing migration leaves nothing half-applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const bad = path.join(dir, "29991231000000_broken");
      (await import("node:fs")).mkdirSync(bad);
      writeFileSync(path.join(bad, "migration.sql"), `CREATE TABLE "half_done" (id int); SELECT no_such_function();`);
      await expect(migrate(dbUrl(migrated), { dir })).rejects.toThrow(/29991231000000_broken failed/);
      const exists = await withClient(
        dbUrl(migrated),
        async (c) => (await c.query(`SELECT to_regclass('public.half_done') AS t`)).rows[0].t,
      );
      expect(exists).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
