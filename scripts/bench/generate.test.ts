import { verify } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadDashboard } from "@/lib/dashboard/queries";
import { type Db } from "@/lib/db";
import { PrismaClient } from "@/prisma/generated/prisma/client";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { BIG_STUDIO, FULL_SCALE, generateScaleData, targetsFor } from "./generate.ts";

// The generator runs as the app's own (non-superuser) role here, so every foreign key is
// checked: data that broke one would fail the insert.

let scratch: ScratchDatabase;
let url: string;
let sql: pg.Client;

beforeAll(async () => {
  scratch = await createScratchDatabase(inject("database"), { prefix: "bench" });
  url = scratch.url;
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await scratch?.drop();
});

async function count(table: string, where = "true", params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params);
  return rows[0].n;
}

describe("scale data generator", () => {
  it("splits each scale between the big studio and the others", () => {
    expect(targetsFor(1)).toEqual({
      otherStudios: 1_999,
      bigLeads: 20_000,
      bigJobs: 5_000,
      otherLeads: 380_000,
      otherJobs: 95_000,
    });
    expect(targetsFor(0.1)).toEqual({
      otherStudios: 199,
      bigLeads: 2_000,
      bigJobs: 500,
      otherLeads: 38_000,
      otherJobs: 9_500,
    });
    expect(() => targetsFor(0)).toThrow(/scale/);
    expect(() => targetsFor(Number.NaN)).toThrow(/scale/);
  });

  it("generates the volume of a scale, tops it up to a larger one, and adds nothing when run again", async () => {
    const first = await generateScaleData(url, { scale: 0.01 });
    expect(first.foreignKeyChecks).toBe(true);
    expect(first.counts).toEqual({
      studios: 20,
      leads: 4_000,
      jobs: 1_000,
      contacts: 1_000,
      events: 3_000,
      tasks: 10_000,
      notifications: 10_000,
    });
    expect(first.big).toMatchObject({ leads: 200, jobs: 50, events: 150, tasks: 500 });

    const topped = await generateScaleData(url, { scale: 0.02 });
    expect(topped.added).toMatchObject({
      studios: 20,
      leads: 4_000,
      jobs: 1_000,
      events: 3_000,
      tasks: 10_000,
      notifications: 10_000,
    });
    expect(topped.counts).toEqual({
      studios: 40,
      leads: 8_000,
      jobs: 2_000,
      contacts: 2_000,
      events: 6_000,
      tasks: 20_000,
      notifications: 20_000,
    });
    expect(topped.big).toMatchObject({ studioId: first.big.studioId, leads: 400, jobs: 100, notifications: 1_000 });

    const again = await generateScaleData(url, { scale: 0.02 });
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(await count("Studio")).toBe(40);
    expect(await count("Notification")).toBe(0.02 * FULL_SCALE.leads * FULL_SCALE.notificationsPerLead);

    // Every studio has an owner and one or two brands; every job its own contact.
    expect(await count("User", `role = 'OWNER'`)).toBe(40);
    expect(await count("Studio", `NOT EXISTS (SELECT 1 FROM "Brand" b WHERE b."studioId" = "Studio".id)`)).toBe(0);
    expect(await count("Studio", `(SELECT count(*) FROM "Brand" b WHERE b."studioId" = "Studio".id) > 2`)).toBe(0);
    expect(
      await count("Job", `"contactId" IN (SELECT id FROM "Contact" c WHERE c."studioId" <> "Job"."studioId")`),
    ).toBe(0);
    expect(await count("Lead", `"brandId" IN (SELECT id FROM "Brand" b WHERE b."studioId" <> "Lead"."studioId")`)).toBe(
      0,
    );
  }, 120_000);

  it("makes a big studio whose owner signs in with the known password and whose dashboard has content", async () => {
    const { rows } = await sql.query<{ passwordHash: string; studioId: string; id: string; timeZone: string }>(
      `SELECT u."passwordHash", u."studioId", u.id, s."timeZone" FROM "User" u JOIN "Studio" s ON s.id = u."studioId" WHERE u.email = $1 AND s.slug = $2`,
      [BIG_STUDIO.email, BIG_STUDIO.slug],
    );
    expect(rows).toHaveLength(1);
    expect(await verify(rows[0].passwordHash, BIG_STUDIO.password)).toBe(true);

    const base = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      const db = base.$extends(readReplicas({ replicas: [base] })) as unknown as Db;
      const dashboard = await loadDashboard(db, {
        studioId: rows[0].studioId,
        userId: rows[0].id,
        timeZone: rows[0].timeZone,
        currency: "USD",
        now: new Date(),
        pages: {},
      });
      expect(dashboard.newLeads).toBeGreaterThan(0);
      expect(dashboard.whatsNew.rows.length).toBeGreaterThan(0);
      expect(dashboard.shoots.rows.length).toBeGreaterThan(0);
      expect(dashboard.whatsNext.rows.length).toBeGreaterThan(0);
      expect(dashboard.bookingsToReview).toBeGreaterThan(0);
    } finally {
      await base.$disconnect();
    }
  });
});
