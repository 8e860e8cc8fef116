import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashToken } from "@/lib/tokens";
import { createDatabase, databaseUrl, dropDatabase } from "../testing/database";
import { MIGRATIONS_DIR, migrate } from "./migrate";

const { primaryUrl } = inject("database");

const dbUrl = (name: string) => databaseUrl(primaryUrl, name);

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Migrates `url` with the migrations up to and including `last` only. */
async function migrateUpTo(url: string, last: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-upgrade-"));
  try {
    for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => /^\d/.test(n) && n <= last))
      cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await migrate(url, { dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A database with rows written by the release before links were stored as hashes, upgraded to now.
describe("upgrading a database that holds links and emails", () => {
  const name = `upgrade_${Math.random().toString(36).slice(2, 8)}`;
  const url = dbUrl(name);
  const old = {
    calendar: "old-calendar-token-0123456789abcdef",
    proposal: "old-proposal-token-0123456789abcdefghijklmno",
    questionnaire: "old-questionnaire-token-0123456789ab",
  };

  beforeAll(async () => {
    await createDatabase(primaryUrl, name);
    await migrateUpTo(url, "20261126091552_pipeline_search_and_sort_indexes");
    await withClient(url, async (c) => {
      await c.query(`INSERT INTO "Studio"(id, name, slug) VALUES ('s1', 'Old Studio', 'old-studio')`);
      await c.query(`INSERT INTO "Brand"(id, "studioId", name) VALUES ('b1', 's1', 'Old Studio')`);
      await c.query(
        `INSERT INTO "User"(id, "studioId", email, name, "passwordHash", role, "calendarToken") VALUES ('u1', 's1', 'old@example.com', 'Old Owner', 'x', 'OWNER', $1)`,
        [old.calendar],
      );
      await c.query(
        `INSERT INTO "Contact"(id, "studioId", name, email) VALUES ('c1', 's1', 'Client', 'client@example.com')`,
      );
      await c.query(
        `INSERT INTO "Job"(id, "studioId", "brandId", "contactId", title, type) VALUES ('j1', 's1', 'b1', 'c1', 'Wedding', 'wedding')`,
      );
      await c.query(
        `INSERT INTO "Proposal"(id, "studioId", "jobId", title, "expiresAt", status, token, "sentAt") VALUES ('p1', 's1', 'j1', 'Sent', now() + interval '9 days', 'SENT', $1, now())`,
        [old.proposal],
      );
      await c.query(
        `INSERT INTO "Proposal"(id, "studioId", "jobId", title, "expiresAt", status, token) VALUES ('p2', 's1', 'j1', 'Draft', now() + interval '9 days', 'DRAFT', 'draft-token-never-sent-0123456789abcd')`,
      );
      await c.query(
        `INSERT INTO "Questionnaire"(id, "studioId", "jobId", title, questions, token) VALUES ('q1', 's1', 'j1', 'Details', '[]', $1)`,
        [old.questionnaire],
      );
      await c.query(
        `INSERT INTO "EmailMessage"(id, "studioId", kind, "to", subject, text, status) VALUES ('e1', 's1', 'proposal.sent', 'client@example.com', 'Your proposal', $1, 'QUEUED')`,
        [`Open https://app.example/p/${old.proposal}`],
      );
      await c.query(
        `INSERT INTO "EmailMessage"(id, "studioId", kind, "to", subject, text, status, "sentAt") VALUES ('e2', 's1', 'staff.invite', 'staff@example.com', 'Join', 'Join https://app.example/invite/secret', 'SENT', now())`,
      );
    });
    await migrate(url);
  });
  afterAll(() => dropDatabase(primaryUrl, name));

  const one = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    withClient(url, async (c) => (await c.query<T>(sql, params)).rows);

  it("keeps every link already sent working, looked up by its hash, and stores no token", async () => {
    expect(await one(`SELECT id FROM "User" WHERE "calendarTokenHash" = $1`, [hashToken(old.calendar)])).toEqual([
      { id: "u1" },
    ]);
    expect(await one(`SELECT id FROM "Proposal" WHERE "tokenHash" = $1`, [hashToken(old.proposal)])).toEqual([
      { id: "p1" },
    ]);
    expect(await one(`SELECT id FROM "Questionnaire" WHERE "tokenHash" = $1`, [hashToken(old.questionnaire)])).toEqual([
      { id: "q1" },
    ]);
    // A draft never had a link: it gets one when it is sent.
    expect(await one(`SELECT "tokenHash" FROM "Proposal" WHERE id = 'p2'`)).toEqual([{ tokenHash: null }]);
    const columns = await one<{ c: string }>(
      `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('User', 'Proposal', 'Questionnaire', 'EmailMessage') AND column_name IN ('token', 'calendarToken', 'text')`,
    );
    expect(columns).toEqual([]);
  });

  it("keeps an unsent email's text until the worker sends it and drops the text of emails already sent", async () => {
    expect(await one(`SELECT id, kind, params, status FROM "EmailMessage" ORDER BY id`)).toEqual([
      {
        id: "e1",
        kind: "legacy.text",
        params: { subject: "Your proposal", text: `Open https://app.example/p/${old.proposal}` },
        status: "QUEUED",
      },
      { id: "e2", kind: "staff.invite", params: {}, status: "SENT" },
    ]);
  });
});
