import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findLeadAvailability } from "@/lib/availability/queries";
import { findBookingPage } from "@/lib/bookings/queries";
import { agendaRange } from "@/lib/calendar/week";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { findContactHistory, findContactPage } from "@/lib/contacts/queries";
import { DASHBOARD_PAGE_SIZE, findWhatsNewPage, loadDashboard } from "@/lib/dashboard/queries";
import { type Db } from "@/lib/db";
import { encodeCursor } from "@/lib/pagination";
import { findJobPage } from "@/lib/jobs/queries";
import { findLeadPage } from "@/lib/leads/queries";
import { searchStudio } from "@/lib/search/queries";
import { findOpenTaskPage } from "@/lib/workflows/queries";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { expectIndexedReads } from "@/scripts/testing/expect-indexed-reads";
import { createCapturingDb, explainWork, type Plan } from "@/scripts/testing/query-plans";

// A studio the size of a busy decade (20,000 leads, 5,000 jobs and their clients, events,
// tasks, notifications and bookings) in a database of its own. Every list and dashboard query
// runs through the app's own query functions; each statement they send is EXPLAINed, and none
// may read a big table sequentially. The studio is nearly the whole database here, which is
// the planner's hardest case: were the studio one of many, the index would win even more easily.

const LEADS = 20_000;
const JOBS = 5_000;
const NEW_LEADS = 400;
const BIG_TABLES = ["Lead", "Job", "Contact", "Event", "Task", "Notification", "Booking", "Proposal", "Contract"];

const studioId = "0190a000-0000-7000-8000-000000000001";
const brandA = "0190a000-0000-7000-8000-0000000000a1";
const brandB = "0190a000-0000-7000-8000-0000000000b2";
const ownerId = "0190a000-0000-7000-8000-0000000000c3";
const smallStudioId = "0190a000-0000-7000-8000-00000000ffff";
const EVENTS_ELSEWHERE = 80_000;

let scratch: ScratchDatabase;
let sql: pg.Client;
let capturing: ReturnType<typeof createCapturingDb>;
let db: Db;

const explain = (work: () => Promise<unknown>) => explainWork(sql, capturing.captured, work);

const timings: [string, number][] = [];

/** Rows each table gave up across `plans` (every loop of every node that read it). */
function rowsRead(plans: Plan[]) {
  const nodes = plans.flatMap((p) => p.nodes);
  return (table: string) =>
    nodes
      .filter((n) => n["Relation Name"] === table)
      .reduce((sum, n) => sum + (n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1), 0);
}

async function expectIndexScans(label: string, work: () => Promise<unknown>, mustUse: string[]) {
  timings.push([label, expectIndexedReads(label, await explain(work), { tables: BIG_TABLES, mustUse })]);
}

beforeAll(async () => {
  scratch = await createScratchDatabase(inject("database"), { prefix: "plans" });
  sql = new pg.Client({ connectionString: scratch.url });
  await sql.connect();

  const started = performance.now();
  await sql.query("BEGIN");
  await sql.query(
    `INSERT INTO "Studio"(id, name, slug, "timeZone") VALUES ($1, 'Volume Studio', 'volume-studio', 'America/New_York'), ($2, 'Small Studio', 'small-studio', 'UTC')`,
    [studioId, smallStudioId],
  );
  await sql.query(`INSERT INTO "Brand"(id, "studioId", name) VALUES ($1, $3, 'Weddings'), ($2, $3, 'Portraits')`, [
    brandA,
    brandB,
    studioId,
  ]);
  await sql.query(
    `INSERT INTO "User"(id, "studioId", email, name, "passwordHash", role, "calendarTokenHash") VALUES ($1, $2, 'owner@volume.example', 'Owner', 'x', 'OWNER', 'volume-calendar-token-hash')`,
    [ownerId, studioId],
  );
  await sql.query(
    `INSERT INTO "Lead"(id, "studioId", "brandId", name, email, "eventType", "eventDate", status, "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, CASE WHEN g % 2 = 0 THEN $2 ELSE $3 END, 'Person ' || g, 'person' || g || '@example.com',
            (ARRAY['wedding','portrait','event','commercial'])[1 + g % 4],
            CASE WHEN g % 7 = 0 THEN NULL ELSE current_date + (g % 500) END,
            -- As in a real studio, only the latest inquiries are still new.
            CASE WHEN g <= ${NEW_LEADS} THEN 'NEW' ELSE (ARRAY['CONTACTED','PROPOSAL_SENT','BOOKED','LOST'])[1 + g % 4] END::"LeadStatus",
            now() - g * interval '13 minutes', now()
     FROM generate_series(1, ${LEADS}) g`,
    [studioId, brandA, brandB],
  );
  await sql.query(
    `INSERT INTO "Contact"(id, "studioId", name, email, "emailNormalized", "createdAt") SELECT 'c-' || g, $1, 'Client ' || g, 'client' || g || '@example.com', 'client' || g || '@example.com', now() - g * interval '7 minutes' FROM generate_series(1, ${JOBS}) g`,
    [studioId],
  );
  // Every lead's person is a client too, as the app makes them.
  await sql.query(
    `INSERT INTO "Contact"(id, "studioId", name, email, "emailNormalized", "createdAt") SELECT 'lc-' || g, $1, 'Person ' || g, 'person' || g || '@example.com', 'person' || g || '@example.com', now() - g * interval '13 minutes' FROM generate_series(1, ${LEADS}) g`,
    [studioId],
  );
  await sql.query(
    `UPDATE "Lead" SET "contactId" = 'lc-' || substr(email, 7, strpos(email, '@') - 7) WHERE "studioId" = $1`,
    [studioId],
  );
  await sql.query(
    `INSERT INTO "Job"(id, "studioId", "brandId", "contactId", title, type, date, status)
     SELECT 'j-' || g, $1, CASE WHEN g % 2 = 0 THEN $2 ELSE $3 END, 'c-' || g, 'Job ' || g, 'wedding',
            CASE WHEN g % 11 = 0 THEN NULL ELSE current_date + (g % 900 - 450) END,
            (ARRAY['LEAD','PROPOSED','BOOKED','COMPLETED','CANCELLED'])[1 + g % 5]::"JobStatus"
     FROM generate_series(1, ${JOBS}) g`,
    [studioId, brandA, brandB],
  );
  await sql.query(
    `INSERT INTO "Event"(id, "studioId", "jobId", name, location, "startsAt", "endsAt", "isShoot")
     SELECT 'e-' || g, $1, 'j-' || (1 + g % ${JOBS}), (ARRAY['Engagement session','Wedding day','Album review'])[1 + g % 3],
            (ARRAY['Brooklyn Botanic Garden','Prospect Park Boathouse','Wave Hill, Bronx','The Foundry, Long Island City'])[1 + g % 4],
            now() + (g % 900 - 450) * interval '1 day' + (g % 12) * interval '1 hour',
            now() + (g % 900 - 450) * interval '1 day' + (g % 12 + 2) * interval '1 hour', g % 3 = 0
     FROM generate_series(1, ${JOBS * 2}) g`,
    [studioId],
  );
  // The other studios' events: at real volume (300,000 at the bench's full scale) a table scan
  // costs what it really does, which is what the planner weighs against a trigram index.
  await sql.query(`INSERT INTO "Contact"(id, "studioId", name) VALUES ('c-small', $1, 'Small Client')`, [
    smallStudioId,
  ]);
  await sql.query(`INSERT INTO "Brand"(id, "studioId", name) VALUES ('b-small', $1, 'Small')`, [smallStudioId]);
  await sql.query(
    `INSERT INTO "Job"(id, "studioId", "brandId", "contactId", title, type) SELECT 'sj-' || g, $1, 'b-small', 'c-small', 'Small Job ' || g, 'wedding' FROM generate_series(1, 1000) g`,
    [smallStudioId],
  );
  await sql.query(
    `INSERT INTO "Event"(id, "studioId", "jobId", name, location, "startsAt")
     SELECT 'se-' || g, $1, 'sj-' || (1 + g % 1000), (ARRAY['Engagement session','Wedding day','Album review'])[1 + g % 3], 'Hudson Valley Barn, Kingston',
            now() + (g % 900 - 450) * interval '1 day'
     FROM generate_series(1, ${EVENTS_ELSEWHERE}) g`,
    [smallStudioId],
  );
  await sql.query(
    `INSERT INTO "Task"(id, "studioId", "jobId", workflow, position, name, "dueAt", "completedAt")
     SELECT 't-' || j || '-' || p, $1, 'j-' || j, 'Leather Album', p, 'Step ' || p, now() + (j % 300 - 150 + p * 7) * interval '1 day',
            CASE WHEN p < j % 3 THEN now() ELSE NULL END
     FROM generate_series(1, ${JOBS}) j, generate_series(0, 2) p`,
    [studioId],
  );
  await sql.query(
    `INSERT INTO "Notification"(id, "studioId", kind, message, link, "createdAt")
     SELECT 'n-' || g, $1, 'lead.created', 'You have a new lead from Person ' || g, '/leads', now() - g * interval '13 minutes' FROM generate_series(1, ${LEADS}) g`,
    [studioId],
  );
  await sql.query(
    `INSERT INTO "NotificationRead"("studioId", "notificationId", "userId") SELECT $1, 'n-' || g, $2 FROM generate_series(100, ${LEADS}) g`,
    [studioId, ownerId],
  );
  await sql.query(
    `INSERT INTO "Proposal"(id, "studioId", "jobId", title, "expiresAt", status, "tokenHash", "createdAt")
     SELECT 'p-' || g, $1, 'j-' || g, 'Collection', now() + interval '30 days', 'ACCEPTED', 'token-' || g, now() - g * interval '1 hour' FROM generate_series(1, 2000) g`,
    [studioId],
  );
  await sql.query(
    `INSERT INTO "Booking"(id, "studioId", "jobId", "proposalId", status, "createdAt")
     SELECT 'b-' || g, $1, 'j-' || g, 'p-' || g, CASE WHEN g % 10 = 0 THEN 'PENDING_REVIEW' ELSE 'CONFIRMED' END::"BookingStatus", now() - g * interval '1 hour'
     FROM generate_series(1, 2000) g`,
    [studioId],
  );
  // Every job has had a contract; most are signed, a few wait for the client.
  await sql.query(
    `INSERT INTO "Contract"(id, "studioId", "jobId", title, body, status, "sentAt", "createdAt")
     SELECT 'k-' || g, $1, 'j-' || g, 'Agreement', '<p>x</p>', (CASE WHEN g % 25 = 0 THEN 'SENT' ELSE 'COUNTERSIGNED' END)::"ContractStatus",
            now() - (g % 400) * interval '1 day', now() - (g % 400) * interval '1 day'
     FROM generate_series(1, ${JOBS}) g`,
    [studioId],
  );
  await sql.query("COMMIT");
  // What autovacuum does shortly after a bulk load: planner statistics and the visibility map.
  await sql.query("VACUUM ANALYZE");
  timings.push(["seed the volume studio (ms, wall clock)", performance.now() - started]);

  capturing = createCapturingDb(scratch.url);
  db = capturing.db;
}, 180_000);

afterAll(async () => {
  if (timings.length)
    console.log(
      `query plans on ${LEADS} leads / ${JOBS} jobs (worst statement, ms):\n${timings.map(([l, ms]) => `  ${ms.toFixed(2).padStart(8)}  ${l}`).join("\n")}`,
    );
  await capturing?.base.$disconnect();
  await sql?.end();
  await scratch?.drop();
});

async function deepLeadCursor(order: "DESC" | "ASC") {
  const { rows } = await sql.query(
    `SELECT id, "createdAt" FROM "Lead" WHERE "studioId" = $1 ORDER BY "createdAt" ${order}, id ${order} OFFSET 15000 LIMIT 1`,
    [studioId],
  );
  return encodeCursor({ s: 0, k: (rows[0].createdAt as Date).toISOString(), id: rows[0].id });
}

describe(`query plans on a studio with ${LEADS} leads and ${JOBS} jobs`, () => {
  it("the leads list uses indexes for every sort, filter, search and page", async () => {
    const deep = await deepLeadCursor("DESC");
    const page = (extra: object) => () => findLeadPage(db, { studioId, sort: "newest", ...extra });
    await expectIndexScans("leads: newest, first page", page({}), ["Lead"]);
    await expectIndexScans("leads: newest, page 600", page({ after: deep }), ["Lead"]);
    await expectIndexScans("leads: newest, back from page 600", page({ before: deep }), ["Lead"]);
    await expectIndexScans("leads: oldest, page 600", page({ sort: "oldest", after: await deepLeadCursor("ASC") }), [
      "Lead",
    ]);
    await expectIndexScans("leads: stage filter", page({ status: "NEW" }), ["Lead"]);
    await expectIndexScans("leads: brand filter", page({ brandId: brandA }), ["Lead"]);
    await expectIndexScans("leads: brand and stage", page({ brandId: brandB, status: "LOST" }), ["Lead"]);
    await expectIndexScans("leads: search by name", page({ q: "Person 1999" }), ["Lead"]);
    await expectIndexScans("leads: search by email", page({ q: "person12345@" }), ["Lead"]);
    await expectIndexScans("leads: search matching thousands", page({ q: "example.com" }), ["Lead"]);
    await expectIndexScans("leads: event date", page({ sort: "event-date" }), ["Lead"]);
    const undated = await sql.query(
      `SELECT id FROM "Lead" WHERE "studioId" = $1 AND "eventDate" IS NULL ORDER BY id DESC OFFSET 1000 LIMIT 1`,
      [studioId],
    );
    await expectIndexScans(
      "leads: event date, among the undated",
      page({ sort: "event-date", after: encodeCursor({ s: 1, k: null, id: undated.rows[0].id }) }),
      ["Lead"],
    );
    await expectIndexScans("leads: event date and stage", page({ sort: "event-date", status: "CONTACTED" }), ["Lead"]);
    await expectIndexScans("leads: open ones only (the default)", page({ status: "open" }), ["Lead"]);
    await expectIndexScans("leads: archived", page({ status: "archived" }), ["Lead"]);
    await expectIndexScans("leads: everything", page({ status: "all", after: deep }), ["Lead"]);
  });

  it("header search reads each kind through its trigram index", async () => {
    const search = (q: string) => () => searchStudio(db, { studioId, q, timeZone: "America/New_York" });
    await expectIndexScans("search: a name", search("Person 1999"), ["Lead", "Contact", "Job", "Event"]);
    await expectIndexScans("search: half a word matching thousands", search("erso"), [
      "Lead",
      "Contact",
      "Job",
      "Event",
    ]);
    await expectIndexScans("search: an email", search("client4321@exam"), ["Lead", "Contact", "Job", "Event"]);
    await expectIndexScans("search: a word thousands of events have", search("Wedding day"), [
      "Lead",
      "Contact",
      "Job",
      "Event",
    ]);
    await expectIndexScans("search: a place", search("Boathouse"), ["Lead", "Contact", "Job", "Event"]);
    const hits = await searchStudio(db, { studioId, q: "Client 4321", timeZone: "America/New_York" });
    expect(hits.find((g) => g.kind === "client")?.hits.map((h) => h.title)).toContain("Client 4321");
  });

  it("the clients list, a client's page and date availability use indexes", async () => {
    const { rows } = await sql.query(
      `SELECT id, "createdAt" FROM "Contact" WHERE "studioId" = $1 ORDER BY "createdAt" DESC, id DESC OFFSET 3000 LIMIT 1`,
      [studioId],
    );
    const deep = encodeCursor({ s: 0, k: (rows[0].createdAt as Date).toISOString(), id: rows[0].id });
    const page = (extra: object) => () => findContactPage(db, { studioId, ...extra });
    await expectIndexScans("clients: first page", page({}), ["Contact"]);
    await expectIndexScans("clients: page 120", page({ after: deep }), ["Contact"]);
    await expectIndexScans("clients: search", page({ q: "Client 43" }), ["Contact"]);
    await expectIndexScans("clients: one brand", page({ brandId: brandA }), ["Contact"]);
    await expectIndexScans("client page: history", () => findContactHistory(db, { studioId, contactId: "c-42" }), [
      "Contact",
      "Job",
      "Event",
      "Proposal",
    ]);
    const leads = await db.lead.findMany({
      where: { studioId, eventDate: { not: null }, status: "NEW" },
      take: 25,
      select: { id: true, eventDate: true, status: true, archivedAt: true, jobId: true },
    });
    expect(leads).toHaveLength(25);
    await expectIndexScans(
      "availability of a page of leads",
      () => findLeadAvailability(db, { studioId, timeZone: "America/New_York", jobsPerDay: 1, leads }),
      ["Job", "Event"],
    );
  });

  it("date availability reads the events of the leads' days and their jobs, not the studio's every event or booked job", async () => {
    const timeZone = "America/New_York";
    const leads = await db.lead.findMany({
      where: { studioId, eventDate: { not: null }, status: "NEW" },
      take: 25,
      select: { id: true, eventDate: true, status: true, archivedAt: true, jobId: true },
    });
    const days = [...new Set(leads.map((l) => dayKeyOfDateColumn(l.eventDate!)))];
    const ranges = days.map((d) => agendaRange(d, timeZone, 1));
    const { rows: onDays } = await sql.query(
      `SELECT
        (SELECT count(*)::int FROM "Event" e, unnest($2::timestamptz[], $3::timestamptz[]) r(f, t)
          WHERE e."studioId" = $1 AND e."startsAt" >= r.f AND e."startsAt" < r.t) AS events,
        (SELECT count(*)::int FROM "Job" WHERE "studioId" = $1 AND status = 'BOOKED' AND date = ANY($4::date[])) AS "datedJobs"`,
      [studioId, ranges.map((r) => r.from), ranges.map((r) => r.to), days],
    );
    const [{ events, datedJobs }] = onDays;
    expect(events, "the studio has events on those days").toBeGreaterThan(0);
    const read = rowsRead(await explain(() => findLeadAvailability(db, { studioId, timeZone, jobsPerDay: 1, leads })));
    expect(read("Event"), "events read").toBeLessThanOrEqual(events);
    // Each of those events' job by primary key, and the jobs dated on those days.
    expect(read("Job"), "jobs read").toBeLessThanOrEqual(events + datedJobs);
  });

  it("the jobs list uses indexes for every view, filter and page", async () => {
    const todayKey = new Date().toISOString().slice(0, 10);
    const { rows } = await sql.query(
      `SELECT id, date FROM "Job" WHERE "studioId" = $1 AND date >= current_date ORDER BY date, id OFFSET 2000 LIMIT 1`,
      [studioId],
    );
    const deep = encodeCursor({ s: 0, k: (rows[0].date as Date).toISOString(), id: rows[0].id });
    const page = (extra: object) => () => findJobPage(db, { studioId, view: "upcoming", todayKey, ...extra });
    await expectIndexScans("jobs: upcoming", page({}), ["Job"]);
    await expectIndexScans("jobs: upcoming, page 80", page({ after: deep }), ["Job"]);
    await expectIndexScans("jobs: past", page({ view: "past" }), ["Job"]);
    await expectIndexScans("jobs: no date yet", page({ view: "unscheduled" }), ["Job"]);
    await expectIndexScans("jobs: status filter", page({ status: "BOOKED" }), ["Job"]);
    await expectIndexScans("jobs: brand filter", page({ brandId: brandB }), ["Job"]);
    await expectIndexScans("jobs: brand and status", page({ view: "past", brandId: brandA, status: "COMPLETED" }), [
      "Job",
    ]);
  });

  it("the tasks list uses indexes on every page, for all brands and for one", async () => {
    const now = new Date();
    const { rows } = await sql.query(
      `SELECT id, "dueAt" FROM "Task" WHERE "studioId" = $1 AND "completedAt" IS NULL ORDER BY "dueAt", id OFFSET 5000 LIMIT 1`,
      [studioId],
    );
    const deep = encodeCursor({ s: 0, k: (rows[0].dueAt as Date).toISOString(), id: rows[0].id });
    const page = (extra: object) => () =>
      findOpenTaskPage(db, { studioId, now, timeZone: "America/New_York", ...extra });
    await expectIndexScans("tasks: first page", page({}), ["Task", "Job"]);
    await expectIndexScans("tasks: page 100", page({ after: deep }), ["Task", "Job"]);
    await expectIndexScans("tasks: back from page 100", page({ before: deep }), ["Task", "Job"]);
    await expectIndexScans("tasks: one brand", page({ brandId: brandA }), ["Task", "Job"]);
  });

  it("the dashboard and the bookings list use indexes, for all brands and for one", async () => {
    const now = new Date();
    for (const brandId of [undefined, brandA]) {
      const label = brandId ? "one brand" : "all brands";
      await expectIndexScans(
        `dashboard: ${label}`,
        () =>
          loadDashboard(db, {
            studioId,
            userId: ownerId,
            brandId,
            timeZone: "America/New_York",
            currency: "USD",
            now,
            pages: {},
          }),
        ["Lead", "Event", "Task", "Notification", "Booking", "Contract"],
      );
      await expectIndexScans(
        `bookings to review: ${label}`,
        () => findBookingPage(db, { studioId, brandId, status: "PENDING_REVIEW" }),
        ["Booking"],
      );
    }
    const dashboard = await loadDashboard(db, {
      studioId,
      userId: ownerId,
      timeZone: "America/New_York",
      currency: "USD",
      now,
      pages: {},
    });
    expect(dashboard.newLeads).toBe(NEW_LEADS);
    expect(dashboard.whatsNew.rows).toHaveLength(10);
    expect(dashboard.whatsNext.rows).toHaveLength(10);
    expect(dashboard.unsignedContracts).toHaveLength(10);
    expect(dashboard.week.flatMap((d) => d.events).length).toBeGreaterThan(0);
  });

  it("What's New reads its page of notifications and their read marks, not every mark the user made", async () => {
    // The owner has read all but the 99 newest of the 20,000 notifications: 19,901 read marks.
    const pageRead = async (request: { after?: string }) =>
      rowsRead(await explain(() => findWhatsNewPage(db, { studioId, userId: ownerId, ...request })));
    const first = await findWhatsNewPage(db, { studioId, userId: ownerId });
    expect(first.rows.map((n) => n.id)).toEqual(Array.from({ length: DASHBOARD_PAGE_SIZE }, (_, i) => `n-${i + 1}`));
    const second = await findWhatsNewPage(db, { studioId, userId: ownerId, after: first.next });
    expect(second.rows[0].id).toBe(`n-${DASHBOARD_PAGE_SIZE + 1}`);
    for (const request of [{}, { after: first.next }]) {
      const rows = await pageRead(request);
      // A page, the row that says there is a next one, and the row that ends its createdAt group.
      expect(rows("Notification"), "notifications read for one page").toBeLessThanOrEqual(DASHBOARD_PAGE_SIZE + 2);
      expect(rows("NotificationRead"), "read marks read for one page").toBe(0);
    }
  });

  // Last: it turns thousands of leads back to new.
  it("What's New counts past its cap of new leads inside the index", async () => {
    await sql.query(`UPDATE "Lead" SET status = 'NEW' WHERE "studioId" = $1 AND status = 'CONTACTED'`, [studioId]);
    await sql.query(`VACUUM ANALYZE "Lead"`);
    const load = () =>
      loadDashboard(db, {
        studioId,
        userId: ownerId,
        timeZone: "America/New_York",
        currency: "USD",
        now: new Date(),
        pages: {},
      });
    // Here the studio is the whole table, so reading it through to a thousand new leads is as
    // cheap as the index; among 2,000 studios it is not. Without the table scan to choose, every
    // condition of the count (archived leads excluded) must be answered by the index alone.
    await sql.query("SET enable_seqscan = off");
    const plans = await explain(load).finally(() => sql.query("RESET enable_seqscan"));
    const count = plans.find((p) => /count\(\*\)/.test(p.query) && p.query.includes('FROM "Lead"'));
    expect(count, "no count of new leads was sent").toBeDefined();
    expect(count!.nodes.filter((n) => n["Relation Name"] === "Lead").map((n) => n["Node Type"])).toEqual([
      "Index Only Scan",
    ]);
    expect((await load()).newLeads).toBe(1000);
  });
});
