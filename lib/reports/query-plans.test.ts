import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, dayKeyOf, startOfDay } from "@/lib/calendar/zoned";
import { type Db } from "@/lib/db";
import {
  findBookingsByMonth,
  findBusiestShootTimes,
  findLeadFunnel,
  findResponseTimes,
  findRevenue,
  type ReportScope,
} from "@/lib/reports/queries";
import { resolveReportRange } from "@/lib/reports/schemas";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { expectIndexedReads } from "@/scripts/testing/expect-indexed-reads";
import { createCapturingDb, explainWork } from "@/scripts/testing/query-plans";

// The bench's big studio (20,000 leads over two years, 5,000 jobs, their bookings, invoices,
// payments, emails and shoots) beside a neighbour with twice as many rows of every kind, in a
// database of their own. Each report is EXPLAIN ANALYZEd as the app sends it: no statement may
// read a table sequentially, since a table scan reads the neighbour's rows too.

const LEADS = 20_000;
const JOBS = 5_000;
const studioId = "0190b000-0000-7000-8000-000000000001";
const neighbourId = "0190b000-0000-7000-8000-000000000002";
const TABLES = [
  "Lead",
  "Job",
  "Booking",
  "Proposal",
  "ProposalItem",
  "EmailMessage",
  "Invoice",
  "Installment",
  "Payment",
  "Event",
];

let scratch: ScratchDatabase;
let sql: pg.Client;
let capturing: ReturnType<typeof createCapturingDb>;
let db: Db;
const timings: [string, number][] = [];

/** One studio's rows; `n` times the big studio's volume, every id prefixed with `p`. */
async function seedStudio(id: string, p: string, n: number) {
  const leads = LEADS * n;
  const jobs = JOBS * n;
  const q = (text: string) => sql.query(text, [id]);
  await q(
    `INSERT INTO "Studio"(id, name, slug, "timeZone") VALUES ($1, 'Studio ${p}', 'studio-${p}', 'America/New_York')`,
  );
  await q(`INSERT INTO "Brand"(id, "studioId", name) VALUES ('${p}-b1', $1, 'Weddings'), ('${p}-b2', $1, 'Portraits')`);
  await q(
    `INSERT INTO "Contact"(id, "studioId", name) SELECT '${p}-c' || g, $1, 'Client ' || g FROM generate_series(1, ${jobs}) g`,
  );
  await q(
    `INSERT INTO "Job"(id, "studioId", "brandId", "contactId", title, type, status)
     SELECT '${p}-j' || g, $1, '${p}-b' || (1 + g % 2), '${p}-c' || g, 'Job ' || g, 'wedding', 'BOOKED' FROM generate_series(1, ${jobs}) g`,
  );
  // One inquiry every 52 minutes over two years; a quarter of the jobs came from one.
  await q(
    `INSERT INTO "Lead"(id, "studioId", "brandId", name, email, "eventType", status, source, "jobId", "createdAt", "updatedAt")
     SELECT '${p}-l' || g, $1, '${p}-b' || (1 + g % 2), 'Person ' || g, 'person' || g || '@${p}.example', 'wedding',
            (ARRAY['NEW','CONTACTED','PROPOSAL_SENT','BOOKED','LOST'])[1 + g % 5]::"LeadStatus",
            (ARRAY['website','referral','instagram'])[1 + g % 3],
            CASE WHEN g % 4 = 0 AND g / 4 <= ${jobs} THEN '${p}-j' || (g / 4) END,
            now() - (g * ${52 / n}) * interval '1 minute', now()
     FROM generate_series(1, ${leads}) g`,
  );
  await q(
    `INSERT INTO "EmailMessage"(id, "studioId", kind, "to", subject, status, "createdAt")
     SELECT '${p}-m' || g, $1, 'client.message', 'person' || g || '@${p}.example', 'Hello', 'SENT',
            now() - (g * ${52 / n}) * interval '1 minute' + (g % 48) * interval '1 hour'
     FROM generate_series(1, ${leads}) g WHERE g % 3 <> 0`,
  );
  await q(
    `INSERT INTO "Proposal"(id, "studioId", "jobId", title, "expiresAt", status, "createdAt")
     SELECT '${p}-p' || g, $1, '${p}-j' || g, 'Collection', now(), 'ACCEPTED', now() - (g % 730) * interval '1 day'
     FROM generate_series(1, ${jobs / 2}) g`,
  );
  await q(
    `INSERT INTO "ProposalItem"(id, "studioId", "proposalId", position, description, quantity, "unitPriceCents")
     SELECT '${p}-pi' || g || '-' || k, $1, '${p}-p' || g, k, 'Coverage', 1, 100000 + k * 25000
     FROM generate_series(1, ${jobs / 2}) g, generate_series(0, 2) k`,
  );
  await q(
    `INSERT INTO "Booking"(id, "studioId", "jobId", "proposalId", status, "createdAt")
     SELECT '${p}-k' || g, $1, '${p}-j' || g, '${p}-p' || g,
            (ARRAY['PENDING_REVIEW','CONFIRMED','CONFIRMED','AWAITING_RETAINER'])[1 + g % 4]::"BookingStatus",
            now() - (g % 730) * interval '1 day'
     FROM generate_series(1, ${jobs / 2}) g`,
  );
  await q(
    `INSERT INTO "Invoice"(id, "studioId", "jobId", number, title, status, currency, "totalMinor", "paidMinor", "overdueSince", "createdAt")
     SELECT '${p}-i' || g, $1, '${p}-j' || g, g, 'Invoice', (ARRAY['SENT','PARTIALLY_PAID','PAID','VOID'])[1 + g % 4]::"InvoiceStatus",
            'USD', 300000, (g % 3) * 100000, CASE WHEN g % 5 = 0 THEN now() - interval '3 days' END, now() - (g % 730) * interval '1 day'
     FROM generate_series(1, ${jobs / 2}) g`,
  );
  await q(
    `INSERT INTO "Installment"(id, "studioId", "invoiceId", position, label, "amountMinor", "paidMinor", "dueOn", status)
     SELECT '${p}-s' || g || '-' || k, $1, '${p}-i' || g, k, 'Part', 100000, CASE WHEN k < g % 3 THEN 100000 ELSE 0 END,
            current_date - (g % 730) + k * 60, (CASE WHEN k < g % 3 THEN 'PAID' ELSE 'OPEN' END)::"InstallmentStatus"
     FROM generate_series(1, ${jobs / 2}) g, generate_series(0, 2) k`,
  );
  await q(
    `INSERT INTO "Payment"(id, "studioId", "invoiceId", kind, method, "amountMinor", currency, "receivedAt")
     SELECT '${p}-y' || g || '-' || k, $1, '${p}-i' || g, (CASE WHEN k = 2 THEN 'REFUND' ELSE 'PAYMENT' END)::"PaymentKind", 'CARD',
            100000, 'USD', now() - (g % 730) * interval '1 day' + k * interval '20 days'
     FROM generate_series(1, ${jobs / 2}) g, generate_series(0, 2) k WHERE k <= g % 3`,
  );
  await q(
    `INSERT INTO "Event"(id, "studioId", "jobId", name, "startsAt", "isShoot")
     SELECT '${p}-e' || g, $1, '${p}-j' || (1 + g % ${jobs}), 'Wedding day',
            now() + (g % 1000 - 700) * interval '1 day' + (g % 14) * interval '1 hour', g % 3 <> 0
     FROM generate_series(1, ${jobs * 2}) g`,
  );
}

beforeAll(async () => {
  scratch = await createScratchDatabase(inject("database"), { prefix: "reportplans" });
  sql = new pg.Client({ connectionString: scratch.url });
  await sql.connect();
  const started = performance.now();
  await sql.query("BEGIN");
  await seedStudio(studioId, "big", 1);
  await seedStudio(neighbourId, "nb", 2);
  await sql.query("COMMIT");
  await sql.query("VACUUM ANALYZE");
  timings.push(["seed both studios (ms, wall clock)", performance.now() - started]);
  capturing = createCapturingDb(scratch.url);
  db = capturing.db;
}, 300_000);

afterAll(async () => {
  if (timings.length)
    console.log(
      `report query plans, big studio of ${LEADS} leads / ${JOBS} jobs (worst statement, ms):\n${timings.map(([l, ms]) => `  ${ms.toFixed(2).padStart(8)}  ${l}`).join("\n")}`,
    );
  await capturing?.base.$disconnect();
  await sql?.end();
  await scratch?.drop();
});

async function expectNoTableScans(label: string, work: () => Promise<unknown>, mustUse: string[]) {
  const plans = await explainWork(sql, capturing.captured, work);
  timings.push([label, expectIndexedReads(label, plans, { tables: TABLES, mustUse })]);
}

describe(`report query plans on a studio with ${LEADS} leads beside a neighbour twice its size`, () => {
  const tz = "America/New_York";
  const today = dayKeyOf(new Date(), tz);
  for (const [rangeKey, brand] of [
    ["last-12-months", undefined],
    ["last-12-months", "big-b1"],
    ["last-90-days", "big-b2"],
  ] as const) {
    it(`every report reads only the studio's rows: ${rangeKey}, ${brand ? "one brand" : "all brands"}`, async () => {
      const { from, to } = resolveReportRange({ range: rangeKey }, today);
      const scope: ReportScope = { studioId, brandId: brand, from, to, timeZone: tz };
      const label = (report: string) => `${report}: ${rangeKey}, ${brand ?? "all brands"}`;
      await expectNoTableScans(label("bookings by month"), () => findBookingsByMonth(db, scope), [
        "Booking",
        "ProposalItem",
      ]);
      await expectNoTableScans(label("lead funnel"), () => findLeadFunnel(db, scope), ["Lead"]);
      await expectNoTableScans(label("response times"), () => findResponseTimes(db, scope), [
        "Lead",
        "EmailMessage",
        "Booking",
      ]);
      await expectNoTableScans(label("revenue"), () => findRevenue(db, { ...scope, currency: "USD" }), [
        "Payment",
        "Installment",
        "Invoice",
      ]);
      await expectNoTableScans(label("busiest shoot times"), () => findBusiestShootTimes(db, scope), ["Event"]);
    });
  }

  it("the reports count the big studio's rows and none of its neighbour's", async () => {
    const scope: ReportScope = { studioId, from: "2000-01-01", to: "2002-12-31", timeZone: tz };
    expect((await findLeadFunnel(db, scope)).total.inquiries).toBe(0);
    const { from, to } = resolveReportRange({ range: "last-12-months" }, today);
    const funnel = await findLeadFunnel(db, { ...scope, from, to });
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM "Lead" WHERE "studioId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3`,
      [studioId, startOfDay(from, tz), startOfDay(addDays(to, 1), tz)],
    );
    expect(funnel.total.inquiries).toBe(rows[0].n);
    expect(funnel.total.inquiries).toBeGreaterThan(9_000);
  });
});
