import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, databaseUrl, dropDatabase } from "../testing/database";
import { MIGRATIONS_DIR, migrate } from "./migrate";

// The migration that makes clients unique per normalized email runs on a database that already
// has duplicates and leads without clients: it merges the duplicates and deletes no row's data.

const { primaryUrl } = inject("database");
const DEDUPE = readdirSync(MIGRATIONS_DIR).find((n) => n.endsWith("_clients_search_reschedule"))!;

const database = `dedupe_${Math.random().toString(36).slice(2, 8)}`;
const url = databaseUrl(primaryUrl, database);
let sql: pg.Client;
let before: string;

beforeAll(async () => {
  await createDatabase(primaryUrl, database);
  before = mkdtempSync(path.join(os.tmpdir(), "shootq-before-dedupe-"));
  for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < DEDUPE))
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
  await migrate(url, { dir: before });
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  rmSync(before, { recursive: true, force: true });
  await dropDatabase(primaryUrl, database);
});

describe("the client dedupe migration", () => {
  it("merges clients that share an email into the oldest, moves their jobs, links every lead, and keeps the rest", async () => {
    await sql.query(`INSERT INTO "Studio"(id, name, slug) VALUES ('s1', 'One', 'one'), ('s2', 'Two', 'two')`);
    await sql.query(`INSERT INTO "Brand"(id, "studioId", name) VALUES ('b1', 's1', 'One'), ('b2', 's2', 'Two')`);
    await sql.query(`
      INSERT INTO "Contact"(id, "studioId", name, email, phone, "createdAt") VALUES
        ('c-old', 's1', 'Grace Nguyen', 'grace@example.com', NULL, now() - interval '3 days'),
        ('c-dup', 's1', 'Grace N.', '  GRACE@Example.com ', '555 0100', now() - interval '2 days'),
        ('c-dup2', 's1', 'G. Nguyen', 'ｇｒａｃｅ@example.com', NULL, now() - interval '1 day'),
        ('c-other', 's2', 'Grace Nguyen', 'grace@example.com', NULL, now()),
        ('c-none1', 's1', 'No Email', NULL, NULL, now()),
        ('c-none2', 's1', 'No Email', NULL, NULL, now())`);
    await sql.query(`
      INSERT INTO "Job"(id, "studioId", "brandId", "contactId", title, type) VALUES
        ('j1', 's1', 'b1', 'c-old', 'First', 'wedding'), ('j2', 's1', 'b1', 'c-dup', 'Second', 'wedding'),
        ('j3', 's1', 'b1', 'c-dup2', 'Third', 'portrait'), ('j4', 's2', 'b2', 'c-other', 'Elsewhere', 'wedding')`);
    await sql.query(`
      INSERT INTO "Lead"(id, "studioId", name, email, phone, "eventType", "updatedAt", "createdAt") VALUES
        ('l1', 's1', 'Grace', 'Grace@example.com', NULL, 'wedding', now(), now()),
        ('l2', 's1', 'Theo Park', 'theo@example.com', '555 0199', 'portrait', now(), now() - interval '5 days'),
        ('l3', 's1', 'Theo P', ' THEO@example.com', NULL, 'portrait', now(), now())`);

    await migrate(url);

    const contacts = (
      await sql.query(
        `SELECT id, "studioId", name, email, phone, "emailNormalized", notes FROM "Contact" ORDER BY "studioId", id`,
      )
    ).rows;
    const kept = contacts.find((c) => c.id === "c-old");
    expect(kept).toMatchObject({ name: "Grace Nguyen", phone: "555 0100", emailNormalized: "grace@example.com" });
    expect(kept.notes).toContain("Grace N. <  GRACE@Example.com > 555 0100");
    expect(kept.notes).toContain("G. Nguyen");
    expect(contacts.map((c) => c.id)).not.toContain("c-dup");
    expect(contacts.map((c) => c.id)).not.toContain("c-dup2");
    // The other studio's client with the same email is theirs, untouched.
    expect(contacts.find((c) => c.id === "c-other")).toMatchObject({
      studioId: "s2",
      emailNormalized: "grace@example.com",
    });
    expect(contacts.filter((c) => c.name === "No Email")).toHaveLength(2);

    const jobs = (await sql.query(`SELECT id, "contactId" FROM "Job" ORDER BY id`)).rows;
    expect(jobs).toEqual([
      { id: "j1", contactId: "c-old" },
      { id: "j2", contactId: "c-old" },
      { id: "j3", contactId: "c-old" },
      { id: "j4", contactId: "c-other" },
    ]);

    const leads = (
      await sql.query(
        `SELECT l.id, c.id AS contact, c.name, c.phone FROM "Lead" l JOIN "Contact" c ON c.id = l."contactId" ORDER BY l.id`,
      )
    ).rows;
    expect(leads[0]).toMatchObject({ id: "l1", contact: "c-old" });
    // Theo was not a client: one client, named after his first lead, for both of his leads.
    expect(leads[1]).toMatchObject({ id: "l2", name: "Theo Park", phone: "555 0199" });
    expect(leads[2].contact).toBe(leads[1].contact);

    await expect(
      sql.query(
        `INSERT INTO "Contact"(id, "studioId", name, "emailNormalized") VALUES ('c-again', 's1', 'Again', 'grace@example.com')`,
      ),
    ).rejects.toThrow(/unique/);
  });
});
