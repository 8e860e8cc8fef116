import { agendaRange } from "@/lib/calendar/week";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { type Db } from "@/lib/db";
import { readRaw } from "@/lib/replication/read-fallback";
import { OPEN_LEAD_STATUSES } from "@/lib/leads/schemas";
import { Prisma } from "@/prisma/generated/prisma/client";
import { type LeadStatus } from "@/prisma/generated/prisma/enums";

export type BookedJob = { id: string; title: string };

/** A lead's date as the photographer sees it: free, or taken by these booked jobs. */
export type Availability = { isBooked: boolean; label: string; booked: BookedJob[] };

/** Enough for any day's list; a bound on what one page's availability may read. */
const BOOKED_ROWS_CAP = 1000;

/**
 * The booked jobs on each of `dayKeys`, days in the studio's time zone: a booked job is on a
 * day when its date is that day or one of its events starts on it. One statement, however many
 * leads the page shows: each day's jobs by date and each day's events (an index range of
 * (studioId, startsAt) per day, its bounds from the studio's zone), one row per job and day; a
 * busy day's events are many more than its jobs, and only the jobs come back. Each event's job is
 * a primary-key lookup; the LIMIT keeps the lateral subquery a per-day index range (flattened
 * into a join, the planner read the studio's every event or hashed its every booked job).
 */
export async function findBookedJobsByDay(
  db: Db,
  { studioId, timeZone, dayKeys }: { studioId: string; timeZone: string; dayKeys: string[] },
): Promise<Map<string, BookedJob[]>> {
  const days = [...new Set(dayKeys)];
  if (days.length === 0) return new Map();
  const ranges = days.map((d) => agendaRange(d, timeZone, 1));
  const rows = await readRaw<(BookedJob & { day: string })[]>(
    db,
    Prisma.sql`SELECT to_char(j.date, 'YYYY-MM-DD') AS day, j.id, j.title
        FROM "Job" j
        WHERE j."studioId" = ${studioId} AND j.status = 'BOOKED' AND j.date = ANY(${days}::date[])
      UNION
      SELECT r.day, b.id, b.title
        FROM unnest(${days}::text[], ${ranges.map((r) => r.from.toISOString())}::timestamptz[],
          ${ranges.map((r) => r.to.toISOString())}::timestamptz[]) AS r(day, starts, ends)
        CROSS JOIN LATERAL (
          SELECT e."jobId" AS id, (SELECT j.title FROM "Job" j WHERE j.id = e."jobId" AND j.status = 'BOOKED') AS title
          FROM "Event" e
          WHERE e."studioId" = ${studioId} AND e."startsAt" >= r.starts AND e."startsAt" < r.ends
          LIMIT ${BOOKED_ROWS_CAP}
        ) b
        WHERE b.title IS NOT NULL
      LIMIT ${BOOKED_ROWS_CAP}`,
  );
  const byDay = new Map<string, BookedJob[]>(days.map((d) => [d, []]));
  for (const { day, id, title } of rows) byDay.get(day)?.push({ id, title });
  for (const booked of byDay.values()) booked.sort((a, b) => a.title.localeCompare(b.title));
  return byDay;
}

type LeadDate = { eventDate: Date | null; status: LeadStatus; archivedAt: Date | null; jobId: string | null };

/** Whether a lead still needs an answer about its date (open, dated). */
export function isDateInQuestion<L extends LeadDate>(lead: L): lead is L & { eventDate: Date } {
  return lead.eventDate !== null && lead.archivedAt === null && OPEN_LEAD_STATUSES.includes(lead.status);
}

/** "Booked: Nguyen–Walsh Wedding" once the day has `jobsPerDay` booked jobs (the lead's own job aside), else "Available". */
export function availabilityOf(
  lead: LeadDate & { eventDate: Date },
  byDay: Map<string, BookedJob[]>,
  jobsPerDay: number,
): Availability {
  const booked = (byDay.get(dayKeyOfDateColumn(lead.eventDate)) ?? []).filter((j) => j.id !== lead.jobId);
  const isBooked = booked.length >= Math.max(1, jobsPerDay);
  return { isBooked, booked, label: isBooked ? `Booked: ${booked.map((j) => j.title).join(", ")}` : "Available" };
}

/** Availability of each open, dated lead of a list, by lead id. */
export async function findLeadAvailability(
  db: Db,
  {
    studioId,
    timeZone,
    jobsPerDay,
    leads,
  }: { studioId: string; timeZone: string; jobsPerDay: number; leads: (LeadDate & { id: string })[] },
): Promise<Map<string, Availability>> {
  const asked = leads.filter(isDateInQuestion);
  const byDay = await findBookedJobsByDay(db, {
    studioId,
    timeZone,
    dayKeys: asked.map((l) => dayKeyOfDateColumn(l.eventDate)),
  });
  return new Map(asked.map((l) => [l.id, availabilityOf(l, byDay, jobsPerDay)]));
}
