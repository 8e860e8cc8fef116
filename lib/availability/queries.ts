import { agendaRange } from "@/lib/calendar/week";
import { dateColumn, dayKeyOf, dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { type Db } from "@/lib/db";
import { OPEN_LEAD_STATUSES } from "@/lib/leads/schemas";
import { type LeadStatus } from "@/prisma/generated/prisma/enums";

export type BookedJob = { id: string; title: string };

/** A lead's date as the photographer sees it: free, or taken by these booked jobs. */
export type Availability = { isBooked: boolean; label: string; booked: BookedJob[] };

/**
 * The booked jobs on each of `dayKeys`, days in the studio's time zone: a booked job is on a
 * day when its date is that day or one of its events starts on it. One read of each index
 * range, however many leads the page shows.
 */
export async function findBookedJobsByDay(
  db: Db,
  { studioId, timeZone, dayKeys }: { studioId: string; timeZone: string; dayKeys: string[] },
): Promise<Map<string, BookedJob[]>> {
  const days = [...new Set(dayKeys)];
  const byDay = new Map<string, Map<string, BookedJob>>(days.map((d) => [d, new Map()]));
  if (days.length === 0) return new Map();
  const [jobs, events] = await Promise.all([
    db.job.findMany({
      where: { studioId, status: "BOOKED", date: { in: days.map(dateColumn) } },
      select: { id: true, title: true, date: true },
      take: 1000,
    }),
    db.event.findMany({
      where: {
        studioId,
        job: { studioId, status: "BOOKED" },
        OR: days.map((d) => agendaRange(d, timeZone, 1)).map(({ from, to }) => ({ startsAt: { gte: from, lt: to } })),
      },
      select: { startsAt: true, job: { select: { id: true, title: true } } },
      take: 1000,
    }),
  ]);
  for (const job of jobs) byDay.get(dayKeyOfDateColumn(job.date!))?.set(job.id, { id: job.id, title: job.title });
  for (const event of events) byDay.get(dayKeyOf(event.startsAt, timeZone))?.set(event.job.id, event.job);
  return new Map(
    [...byDay].map(([day, found]) => [day, [...found.values()].sort((a, b) => a.title.localeCompare(b.title))]),
  );
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
