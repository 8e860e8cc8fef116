import { localTime } from "@/lib/calendar/sql";
import { addDays, startOfDay } from "@/lib/calendar/zoned";
import type { Db } from "@/lib/db";
import { readRaw } from "@/lib/replication/read-fallback";
import { AUTO_REPLY_KIND } from "@/lib/email-templates/editable";
import { monthsOf, yearBefore } from "@/lib/reports/schemas";
import { Prisma } from "@/prisma/generated/prisma/client";

/** Every report reads one studio (and optionally one brand) over days `from`..`to` in its time zone. */
export type ReportScope = {
  studioId: string;
  brandId?: string;
  /** Day keys, both included, in `timeZone`. */
  from: string;
  to: string;
  timeZone: string;
};

/** Bookings the /bookings list shows (to review and confirmed); one awaiting its retainer is not booked yet. */
const BOOKED = Prisma.sql`('PENDING_REVIEW', 'CONFIRMED')`;
/** Invoices the client still owes on, as the invoices list's "due" and "overdue" views. */
const LIVE_INVOICE = Prisma.sql`('SENT', 'PARTIALLY_PAID')`;

/** Local midnight starting `from` to local midnight after `to`: a half-open span of instants. */
function instants({ from, to, timeZone }: Pick<ReportScope, "from" | "to" | "timeZone">) {
  return { start: startOfDay(from, timeZone), end: startOfDay(addDays(to, 1), timeZone) };
}

/** A brand filter through the job (leads carry their own brand); every table read is scoped to the studio. */
const ofBrand = ({ studioId, brandId }: Pick<ReportScope, "studioId" | "brandId">, jobId: Prisma.Sql) =>
  brandId
    ? Prisma.sql`AND ${jobId} IN (SELECT j.id FROM "Job" j WHERE j."studioId" = ${studioId} AND j."brandId" = ${brandId})`
    : Prisma.empty;

const monthOf = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`to_char(${localTime(column, timeZone)}, 'YYYY-MM')`;

type MonthRow = { month: string; bookings: number; value: number };

async function bookingsByMonth(db: Db, scope: ReportScope): Promise<MonthRow[]> {
  const { studioId, timeZone } = scope;
  const { start, end } = instants(scope);
  return readRaw<MonthRow[]>(
    db,
    Prisma.sql`
      SELECT ${monthOf(Prisma.sql`b."createdAt"`, timeZone)} AS month, count(*)::int AS bookings,
             coalesce(sum(v.value), 0)::float8 AS value
      FROM "Booking" b
      LEFT JOIN LATERAL (
        SELECT sum(i.quantity * i."unitPriceCents") AS value FROM "ProposalItem" i WHERE i."proposalId" = b."proposalId"
      ) v ON true
      WHERE b."studioId" = ${studioId} AND b.status IN ${BOOKED} AND b."createdAt" >= ${start} AND b."createdAt" < ${end}
        ${ofBrand(scope, Prisma.sql`b."jobId"`)}
      GROUP BY 1`,
  );
}

export type BookingMonth = {
  month: string;
  bookings: number;
  /** Sum of the accepted proposals' totals, in minor units. */
  value: number;
  lastYear: { month: string; bookings: number; value: number };
};

/** Bookings (by when the client accepted) and their value per month, beside the same month a year earlier. */
export async function findBookingsByMonth(db: Db, scope: ReportScope): Promise<BookingMonth[]> {
  const before = { ...scope, from: yearBefore(scope.from), to: yearBefore(scope.to) };
  const [now, then] = await Promise.all([bookingsByMonth(db, scope), bookingsByMonth(db, before)]);
  const at = (rows: MonthRow[], month: string) => rows.find((r) => r.month === month) ?? { bookings: 0, value: 0 };
  return monthsOf(scope).map((month) => {
    const previous = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
    return { month, ...at(now, month), lastYear: { month: previous, ...at(then, previous) } };
  });
}

export const FUNNEL_STAGES = [
  ["inquiries", "Inquiries"],
  ["contacted", "Contacted"],
  ["proposalSent", "Proposal sent"],
  ["booked", "Booked"],
] as const;
export type FunnelCounts = { inquiries: number; contacted: number; proposalSent: number; booked: number };
export type FunnelGroup = FunnelCounts & { key: string | null; label: string };

/**
 * Leads that arrived in the range, by the furthest stage they reached: a booked lead was also
 * contacted and sent a proposal. A lost lead counts as an inquiry only (how far it got is not kept).
 */
export async function findLeadFunnel(
  db: Db,
  scope: ReportScope,
): Promise<{ total: FunnelCounts; bySource: FunnelGroup[]; byBrand: FunnelGroup[] }> {
  const { studioId, brandId } = scope;
  const { start, end } = instants(scope);
  // One pass over the studio's leads in the range, grouped three ways at once.
  const rows = await readRaw<
    (FunnelCounts & { source: string | null; brandId: string | null; brand: string | null; g: number })[]
  >(
    db,
    Prisma.sql`
      SELECT l.source, l."brandId", min(br.name) AS brand, GROUPING(l.source, l."brandId")::int AS g,
             count(*)::int AS inquiries,
             count(*) FILTER (WHERE l.status IN ('CONTACTED', 'PROPOSAL_SENT', 'BOOKED'))::int AS contacted,
             count(*) FILTER (WHERE l.status IN ('PROPOSAL_SENT', 'BOOKED'))::int AS "proposalSent",
             count(*) FILTER (WHERE l.status = 'BOOKED')::int AS booked
      FROM "Lead" l
      LEFT JOIN "Brand" br ON br.id = l."brandId" AND br."studioId" = ${studioId}
      WHERE l."studioId" = ${studioId} AND l."createdAt" >= ${start} AND l."createdAt" < ${end}
        ${brandId ? Prisma.sql`AND l."brandId" = ${brandId}` : Prisma.empty}
      GROUP BY GROUPING SETS ((), (l.source), (l."brandId"))`,
  );
  const counts = ({ inquiries, contacted, proposalSent, booked }: FunnelCounts) => ({
    inquiries,
    contacted,
    proposalSent,
    booked,
  });
  const byInquiries = (a: FunnelGroup, b: FunnelGroup) => b.inquiries - a.inquiries || a.label.localeCompare(b.label);
  // GROUPING bits: 1 = brand rolled up (a source row), 2 = source rolled up (a brand row), 3 = total.
  const total = rows.find((r) => r.g === 3);
  return {
    total: total ? counts(total) : { inquiries: 0, contacted: 0, proposalSent: 0, booked: 0 },
    bySource: rows
      .filter((r) => r.g === 1)
      .map((r) => ({ key: r.source, label: r.source ?? "Unknown", ...counts(r) }))
      .sort(byInquiries),
    byBrand: rows
      .filter((r) => r.g === 2)
      .map((r) => ({ key: r.brandId, label: r.brand ?? "No brand", ...counts(r) }))
      .sort(byInquiries),
  };
}

export type ResponseTimes = {
  leads: number;
  replied: number;
  /** Median, in hours; null when no lead in the range has had one. */
  medianReplyHours: number | null;
  booked: number;
  medianBookingDays: number | null;
};

/**
 * Medians over the leads that arrived in the range. First reply: the first email the studio queued
 * to the lead's address at or after the inquiry (a message, a proposal, an invoice), the
 * automatic inquiry acknowledgement excepted. Booking: when
 * the client accepted the proposal of the job the lead became.
 */
export async function findResponseTimes(db: Db, scope: ReportScope): Promise<ResponseTimes> {
  const { studioId, brandId } = scope;
  const { start, end } = instants(scope);
  const [row] = await readRaw<
    { leads: number; replied: number; replySeconds: number | null; booked: number; bookingSeconds: number | null }[]
  >(
    db,
    Prisma.sql`
      SELECT count(*)::int AS leads,
             count(r.first)::int AS replied,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first - l."createdAt"))::float8 AS "replySeconds",
             count(bk.first)::int AS booked,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM bk.first - l."createdAt"))::float8 AS "bookingSeconds"
      FROM "Lead" l
      LEFT JOIN LATERAL (
        SELECT min(e."createdAt") AS first FROM "EmailMessage" e
        WHERE e."studioId" = l."studioId" AND e."to" = l.email AND e."createdAt" >= l."createdAt"
          AND e.kind <> ${AUTO_REPLY_KIND}
      ) r ON true
      LEFT JOIN LATERAL (
        SELECT min(b."createdAt") AS first FROM "Booking" b
        WHERE b."studioId" = l."studioId" AND b."jobId" = l."jobId" AND b.status IN ${BOOKED}
      ) bk ON true
      WHERE l."studioId" = ${studioId} AND l."createdAt" >= ${start} AND l."createdAt" < ${end}
        ${brandId ? Prisma.sql`AND l."brandId" = ${brandId}` : Prisma.empty}`,
  );
  return {
    leads: row.leads,
    replied: row.replied,
    medianReplyHours: row.replySeconds === null ? null : row.replySeconds / 3600,
    booked: row.booked,
    medianBookingDays: row.bookingSeconds === null ? null : row.bookingSeconds / 86_400,
  };
}

export type RevenueMonth = { month: string; received: number; outstanding: number };
export type Revenue = { months: RevenueMonth[]; overdue: number; overdueInvoices: number };

/**
 * Per month of the range: payments received less refunds (by when received), and what clients
 * still owe on installments falling due that month. The overdue balance is today's, whatever the
 * range, and equals the invoices list's "Overdue" view. Amounts in the studio's currency only.
 */
export async function findRevenue(db: Db, scope: ReportScope & { currency: string }): Promise<Revenue> {
  const { studioId, brandId, timeZone, currency, from, to } = scope;
  const { start, end } = instants(scope);
  const [received, outstanding, overdue] = await Promise.all([
    readRaw<{ month: string; amount: number }[]>(
      db,
      Prisma.sql`
        SELECT ${monthOf(Prisma.sql`p."receivedAt"`, timeZone)} AS month,
               sum(CASE WHEN p.kind = 'REFUND' THEN -p."amountMinor" ELSE p."amountMinor" END)::float8 AS amount
        FROM "Payment" p
        WHERE p."studioId" = ${studioId} AND p."receivedAt" >= ${start} AND p."receivedAt" < ${end}
          AND p.currency = ${currency}
          ${brandId ? Prisma.sql`AND p."invoiceId" IN (SELECT i.id FROM "Invoice" i WHERE i."studioId" = ${studioId} ${ofBrand(scope, Prisma.sql`i."jobId"`)})` : Prisma.empty}
        GROUP BY 1`,
    ),
    readRaw<{ month: string; amount: number }[]>(
      db,
      Prisma.sql`
        SELECT to_char(s."dueOn", 'YYYY-MM') AS month, sum(s."amountMinor" - s."paidMinor")::float8 AS amount
        FROM "Installment" s
        JOIN "Invoice" i ON i.id = s."invoiceId" AND i."studioId" = ${studioId}
        WHERE s."studioId" = ${studioId} AND s.status IN ('OPEN', 'OVERDUE')
          AND s."dueOn" >= ${from}::date AND s."dueOn" <= ${to}::date
          AND i.status IN ${LIVE_INVOICE} AND i.currency = ${currency} ${ofBrand(scope, Prisma.sql`i."jobId"`)}
        GROUP BY 1`,
    ),
    readRaw<{ amount: number; invoices: number }[]>(
      db,
      Prisma.sql`
        SELECT coalesce(sum(i."totalMinor" - i."paidMinor"), 0)::float8 AS amount, count(*)::int AS invoices
        FROM "Invoice" i
        WHERE i."studioId" = ${studioId} AND i.status IN ${LIVE_INVOICE} AND i."overdueSince" IS NOT NULL
          AND i.currency = ${currency} ${ofBrand(scope, Prisma.sql`i."jobId"`)}`,
    ),
  ]);
  const at = (rows: { month: string; amount: number }[], month: string) =>
    rows.find((r) => r.month === month)?.amount ?? 0;
  return {
    months: monthsOf(scope).map((month) => ({
      month,
      received: at(received, month),
      outstanding: at(outstanding, month),
    })),
    overdue: overdue[0].amount,
    overdueInvoices: overdue[0].invoices,
  };
}

export type ShootCounts = {
  total: number;
  /** Index 0 = January. */
  byMonth: number[];
  /** Index 0 = Monday. */
  byWeekday: number[];
};

/** Shoots (events marked as a shoot) in the range, by month of the year and day of the week, in the studio's zone. */
export async function findBusiestShootTimes(db: Db, scope: ReportScope): Promise<ShootCounts> {
  const { studioId, timeZone } = scope;
  const { start, end } = instants(scope);
  const rows = await readRaw<{ month: number; weekday: number; shoots: number }[]>(
    db,
    Prisma.sql`
      SELECT extract(month FROM ${localTime(Prisma.sql`e."startsAt"`, timeZone)})::int AS month,
             extract(isodow FROM ${localTime(Prisma.sql`e."startsAt"`, timeZone)})::int AS weekday,
             count(*)::int AS shoots
      FROM "Event" e
      WHERE e."studioId" = ${studioId} AND e."isShoot" AND e."startsAt" >= ${start} AND e."startsAt" < ${end}
        ${ofBrand(scope, Prisma.sql`e."jobId"`)}
      GROUP BY 1, 2`,
  );
  const byMonth = Array<number>(12).fill(0);
  const byWeekday = Array<number>(7).fill(0);
  for (const r of rows) {
    byMonth[r.month - 1] += r.shoots;
    byWeekday[r.weekday - 1] += r.shoots;
  }
  return { total: rows.reduce((n, r) => n + r.shoots, 0), byMonth, byWeekday };
}

/** Who may open the reports: owners always, staff when the owner allowed it in the studio settings. */
export async function canSeeReports(db: Db, { studioId, role }: { studioId: string; role: string }) {
  if (role === "OWNER") return true;
  const studio = await db.studio.findUnique({ where: { id: studioId }, select: { staffCanSeeReports: true } });
  return studio?.staffCanSeeReports ?? false;
}
