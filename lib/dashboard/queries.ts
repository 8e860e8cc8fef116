import { findLeadAvailability } from "@/lib/availability/queries";
import { addDays, dayKeyOf, startOfDay } from "@/lib/calendar/zoned";
import { localTime } from "@/lib/calendar/sql";
import { agendaRange, emptyDays, type AgendaDay } from "@/lib/calendar/week";
import type { Db } from "@/lib/db";
import { readRaw } from "@/lib/replication/read-fallback";
import { type DashboardPages } from "@/lib/dashboard/schemas";
import { findUpcomingShootPage, type CalendarEvent } from "@/lib/events/queries";
import { findKeysetPage, rawKeyset, type KeysetPage, type PageRequest } from "@/lib/pagination";
import { Prisma } from "@/prisma/generated/prisma/client";

type Scope = { studioId: string; brandId?: string };

export const DASHBOARD_PAGE_SIZE = 10;

/** Where dashboard counts stop counting; shown as "1,000+". */
const COUNT_CAP = 1000;

export function formatCount(count: number): string {
  return count >= COUNT_CAP ? `${COUNT_CAP.toLocaleString("en-US")}+` : count.toLocaleString("en-US");
}

/** How many of a day's events What's Happening lists; the rest are a link to that day's calendar. */
export const EVENTS_SHOWN_PER_DAY = 5;

/** How many new leads What's New lists by name, each with whether its date is still free. */
export const NEW_LEADS_SHOWN = 5;

type WeekRow = {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  isShoot: boolean;
  jobId: string;
  jobTitle: string;
  day: string;
  dayTotal: number;
};

/**
 * What's Happening: each local day of the week from `todayKey`, with its first `perDay` events in
 * start order (each with its job) and how many it has: the page lists those and links the rest to
 * the calendar. One statement that returns at most `perDay` rows a day: a busy studio's week holds
 * a hundred events or more, and reading every one with its job into the node made the dashboard
 * cost more the busier the studio. Only the kept events' job titles are read, each a primary-key
 * lookup (a join would let the planner hash the studio's every job).
 */
export async function findWeekAgenda(
  db: Db,
  { studioId, brandId, timeZone, todayKey, perDay }: Scope & { timeZone: string; todayKey: string; perDay: number },
): Promise<AgendaDay<CalendarEvent>[]> {
  const { from, to } = agendaRange(todayKey, timeZone);
  const rows = await readRaw<WeekRow[]>(
    db,
    Prisma.sql`SELECT w.id, w.name, w."startsAt", w."endsAt", w.location, w."isShoot", w."jobId",
        (SELECT j.title FROM "Job" j WHERE j.id = w."jobId") AS "jobTitle",
        to_char(w.day, 'YYYY-MM-DD') AS day, w."dayTotal"
      FROM (
        SELECT d.*,
          row_number() OVER (PARTITION BY d.day ORDER BY d."startsAt", d.id) AS n,
          count(*) OVER (PARTITION BY d.day)::int AS "dayTotal"
        FROM (
          SELECT e.id, e.name, e."startsAt", e."endsAt", e.location, e."isShoot", e."jobId",
            ${localTime(Prisma.sql`e."startsAt"`, timeZone)}::date AS day
          FROM "Event" e
          WHERE e."studioId" = ${studioId} AND e."startsAt" >= ${from} AND e."startsAt" < ${to}
          ${
            brandId
              ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Job" bj WHERE bj.id = e."jobId" AND bj."studioId" = e."studioId" AND bj."brandId" = ${brandId})`
              : Prisma.empty
          }
        ) d
      ) w
      WHERE w.n <= ${perDay}
      ORDER BY w."startsAt", w.id`,
  );
  const { rows: days, byKey } = emptyDays<CalendarEvent>(todayKey);
  for (const { jobId, jobTitle, day, dayTotal, ...event } of rows) {
    const agendaDay = byKey.get(day);
    if (!agendaDay) continue;
    agendaDay.total = dayTotal;
    agendaDay.events.push({ ...event, job: { id: jobId, title: jobTitle } });
  }
  return days;
}

/** The newest new leads (not archived), each with its date's availability. */
export async function findNewLeadsPreview(
  db: Db,
  { studioId, brandId, timeZone, jobsPerDay }: Scope & { timeZone: string; jobsPerDay: number },
) {
  const leads = await db.lead.findMany({
    where: { studioId, status: "NEW", archivedAt: null, ...(brandId ? { brandId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NEW_LEADS_SHOWN,
    select: { id: true, name: true, eventType: true, eventDate: true, status: true, archivedAt: true, jobId: true },
  });
  const availability = await findLeadAvailability(db, { studioId, timeZone, jobsPerDay, leads });
  return leads.map((lead) => ({ ...lead, availability: availability.get(lead.id) }));
}

/**
 * What's New: the studio's notifications this user has not read, newest first. Notifications
 * carry no brand, so the brand filter does not narrow them (the counts beside them do).
 */
export function findWhatsNewPage(
  db: Db,
  { studioId, userId, ...request }: { studioId: string; userId: string } & PageRequest,
) {
  return findKeysetPage({
    sections: [{ where: { studioId, reads: { none: { userId } } }, key: "createdAt", dir: "desc" }],
    request,
    size: DASHBOARD_PAGE_SIZE,
    fetch: ({ where, orderBy, take }) =>
      db.notification.findMany({
        where: where as Prisma.NotificationWhereInput,
        orderBy: orderBy as Prisma.NotificationOrderByWithRelationInput[],
        take,
        select: { id: true, message: true, link: true, createdAt: true },
      }),
    keyOf: (row) => row.createdAt,
  });
}

export type NextTask = { id: string; name: string; workflow: string; dueAt: Date; jobId: string; jobTitle: string };

/**
 * What's Next: for each job that is not cancelled, its first open task by position, soonest due
 * first. Read as "open tasks in due order that have no earlier open task in their job", so the
 * (studioId, completedAt, dueAt) index yields rows in order and each page stops after 11 hits,
 * however many jobs the studio has.
 */
export async function findWhatsNextPage(
  db: Db,
  { studioId, brandId, ...request }: Scope & PageRequest,
): Promise<KeysetPage<NextTask>> {
  // "completedAt" is NULL on every row here, so ordering by it changes nothing, but it lets the
  // planner read (studioId, completedAt, dueAt) in index order and stop after one page; with
  // `IS NULL` alone it does not see that the index is already in due-date order and sorts all.
  const page = rawKeyset(request, {
    key: Prisma.sql`t."dueAt"`,
    id: Prisma.sql`t.id`,
    dir: "asc",
    size: DASHBOARD_PAGE_SIZE,
    orderPrefix: (dir) => (dir === "asc" ? Prisma.sql`t."completedAt" ASC` : Prisma.sql`t."completedAt" DESC`),
  });
  const query = Prisma.sql`
    SELECT t.id, t.name, t.workflow, t."dueAt", j.id AS "jobId", j.title AS "jobTitle"
    FROM "Task" t
    JOIN "Job" j ON j.id = t."jobId" AND j."studioId" = t."studioId"
    WHERE t."studioId" = ${studioId}
      AND t."completedAt" IS NULL
      AND j.status <> 'CANCELLED'
      ${brandId ? Prisma.sql`AND j."brandId" = ${brandId}` : Prisma.empty}
      AND NOT EXISTS (
        SELECT 1 FROM "Task" earlier
        WHERE earlier."jobId" = t."jobId" AND earlier."completedAt" IS NULL AND earlier.position < t.position
      )
      ${page.seek}
    ORDER BY ${page.orderBy}
    LIMIT ${page.limit}`;
  return page.pageOf(await readRaw<NextTask[]>(db, query), (t) => t.dueAt);
}

/**
 * What's New's numbers, in one statement: new leads, bookings to review and overdue installments
 * (each stops at COUNT_CAP, shown as "1,000+": past that the number is no longer news, and a
 * bounded count stays an index read however many rows match), the money received (payments less
 * refunds) since `from` in the studio's currency in minor units, and whether any email failed.
 * One statement, not five: on a loaded node each round trip costs about half a millisecond of CPU
 * between Prisma, node-postgres and PostgreSQL, more than any of these index reads. Raw SQL
 * because Prisma's bounded count adds an ORDER BY id that would walk the primary key instead.
 * Bookings and invoices awaiting attention are few, so each one's brand is a primary-key lookup
 * of its job.
 */
export async function countWhatsNew(
  db: Db,
  { studioId, brandId, from, currency }: Scope & { from: Date; currency: string },
): Promise<WhatsNewCounts> {
  const brandOfJob = (jobId: Prisma.Sql) =>
    brandId ? Prisma.sql`AND (SELECT j."brandId" FROM "Job" j WHERE j.id = ${jobId}) = ${brandId}` : Prisma.empty;
  const rows = await readRaw<(Omit<WhatsNewCounts, "receivedThisMonth"> & { receivedThisMonth: bigint | null })[]>(
    db,
    Prisma.sql`SELECT
      (SELECT count(*)::int FROM (
        SELECT 1 FROM "Lead" WHERE "studioId" = ${studioId} AND status = 'NEW' AND "archivedAt" IS NULL
        ${brandId ? Prisma.sql`AND "brandId" = ${brandId}` : Prisma.empty} LIMIT ${COUNT_CAP}
      ) capped) AS "newLeads",
      (SELECT count(*)::int FROM (
        SELECT 1 FROM "Booking" b WHERE b."studioId" = ${studioId} AND b.status = 'PENDING_REVIEW'
        ${brandOfJob(Prisma.sql`b."jobId"`)} LIMIT ${COUNT_CAP}
      ) capped) AS "bookingsToReview",
      (SELECT count(*)::int FROM (
        SELECT 1 FROM "Installment" i
        JOIN "Invoice" inv ON inv.id = i."invoiceId" AND inv."studioId" = i."studioId"
        WHERE i."studioId" = ${studioId} AND i.status = 'OVERDUE' AND inv.status IN ('SENT', 'PARTIALLY_PAID')
        ${brandOfJob(Prisma.sql`inv."jobId"`)} LIMIT ${COUNT_CAP}
      ) capped) AS "overduePayments",
      (SELECT sum(CASE WHEN p.kind = 'REFUND' THEN -p."amountMinor" ELSE p."amountMinor" END)
        FROM "Payment" p
        WHERE p."studioId" = ${studioId} AND p."receivedAt" >= ${from} AND p.currency = ${currency}
        ${brandOfJob(Prisma.sql`(SELECT inv."jobId" FROM "Invoice" inv WHERE inv.id = p."invoiceId")`)}
      ) AS "receivedThisMonth",
      EXISTS (SELECT 1 FROM "EmailMessage" e WHERE e."studioId" = ${studioId} AND e.status = 'FAILED') AS "hasFailedEmails"`,
  );
  const [counts] = rows;
  return { ...counts, receivedThisMonth: Number(counts.receivedThisMonth ?? 0) };
}

export type WhatsNewCounts = {
  newLeads: number;
  bookingsToReview: number;
  overduePayments: number;
  /** Minor units of the studio's currency. */
  receivedThisMonth: number;
  /** Some email of the studio's failed to send: the dashboard says so until it is retried. */
  hasFailedEmails: boolean;
};

export type UnsignedContract = { id: string; jobId: string; jobTitle: string; title: string; sentAt: Date };

/**
 * What's Next: contracts sent at least `days` whole days ago (by the studio's calendar) and still
 * unsigned, oldest first, from the (studioId, status, sentAt) index; each one's job title and brand
 * are primary-key lookups of its job, as for bookings.
 */
export async function findUnsignedContracts(
  db: Db,
  {
    studioId,
    brandId,
    now,
    timeZone,
    days,
    take = DASHBOARD_PAGE_SIZE,
  }: Scope & { now: Date; timeZone: string; days: number; take?: number },
): Promise<UnsignedContract[]> {
  const cutoff = startOfDay(addDays(dayKeyOf(now, timeZone), 1 - days), timeZone);
  return readRaw<UnsignedContract[]>(
    db,
    Prisma.sql`SELECT c.id, c."jobId", (SELECT j.title FROM "Job" j WHERE j.id = c."jobId") AS "jobTitle", c.title, c."sentAt"
      FROM "Contract" c
      WHERE c."studioId" = ${studioId} AND c.status IN ('SENT', 'VIEWED') AND c."sentAt" < ${cutoff}
      ${brandId ? Prisma.sql`AND (SELECT j."brandId" FROM "Job" j WHERE j.id = c."jobId") = ${brandId}` : Prisma.empty}
      ORDER BY c."sentAt", c.id
      LIMIT ${take}`,
  );
}

/** Everything the dashboard shows, read from this request's one read host. */
export async function loadDashboard(
  db: Db,
  {
    studioId,
    userId,
    brandId,
    timeZone,
    currency,
    jobsPerDay = 1,
    now,
    pages,
    contractReminderDays = 3,
  }: Scope & {
    userId: string;
    timeZone: string;
    currency: string;
    jobsPerDay?: number;
    now: Date;
    pages: DashboardPages;
    contractReminderDays?: number;
  },
) {
  const todayKey = dayKeyOf(now, timeZone);
  const range = agendaRange(todayKey, timeZone);
  const monthStart = startOfDay(`${todayKey.slice(0, 7)}-01`, timeZone);
  const [whatsNew, counts, newLeadsPreview, week, shoots, whatsNext, unsignedContracts] = await Promise.all([
    findWhatsNewPage(db, { studioId, userId, after: pages.news, before: pages.newsBefore }),
    countWhatsNew(db, { studioId, brandId, from: monthStart, currency }),
    findNewLeadsPreview(db, { studioId, brandId, timeZone, jobsPerDay }),
    findWeekAgenda(db, { studioId, brandId, timeZone, todayKey, perDay: EVENTS_SHOWN_PER_DAY }),
    // Shoots after this week: the week's own shoots are already in What's Happening.
    findUpcomingShootPage(db, {
      studioId,
      brandId,
      from: range.to,
      size: DASHBOARD_PAGE_SIZE,
      after: pages.shoots,
      before: pages.shootsBefore,
    }),
    findWhatsNextPage(db, { studioId, brandId, after: pages.next, before: pages.nextBefore }),
    findUnsignedContracts(db, {
      studioId,
      brandId,
      now,
      timeZone,
      days: contractReminderDays,
      take: DASHBOARD_PAGE_SIZE,
    }),
  ]);
  return {
    todayKey,
    lastDayKey: addDays(todayKey, 6),
    whatsNew,
    ...counts,
    newLeadsPreview,
    week,
    shoots,
    whatsNext,
    unsignedContracts,
  };
}
