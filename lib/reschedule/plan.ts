import { createHash } from "node:crypto";
import { dayKeyOf, dayKeyOfDateColumn, daysBetween } from "@/lib/calendar/zoned";
import { notFound } from "@/lib/errors";
import { eventShift } from "@/lib/events/shift";
import { installmentShift } from "@/lib/invoices/shift";
import { modelsOf, type Reader } from "@/lib/reader";
import { scheduledEmailShift } from "@/lib/scheduled-emails/shift";
import { type ShiftLine, type Shifter } from "@/lib/reschedule/shift";
import { taskShift } from "@/lib/workflows/shift";

/** Everything that moves with a job's date, in preview order. A new kind plugs in here. */
export const SHIFTERS: Shifter[] = [taskShift, scheduledEmailShift, eventShift, installmentShift];

export type ReschedulePlan = {
  job: { id: string; title: string };
  from: string;
  to: string;
  days: number;
  timeZone: string;
  lines: ShiftLine[];
  /** Identifies exactly these lines: applying checks the plan is still the one previewed. */
  fingerprint: string;
};

/** The job with its date and events, or null when it is not this studio's. */
export async function findRescheduleJob(db: Reader, { studioId, jobId }: { studioId: string; jobId: string }) {
  const job = await modelsOf(db).job.findFirst({
    where: { id: jobId, studioId },
    select: {
      id: true,
      title: true,
      date: true,
      studio: { select: { timeZone: true } },
      events: {
        where: { studioId },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: 100,
        select: { id: true, name: true, startsAt: true },
      },
    },
  });
  return job;
}

/** Ticked at first: the events on the job's current date (the wedding day itself, not the engagement shoot). */
export function defaultEventIds(events: { id: string; startsAt: Date }[], fromKey: string, timeZone: string): string[] {
  return events.filter((e) => dayKeyOf(e.startsAt, timeZone) === fromKey).map((e) => e.id);
}

export function fingerprintOf(to: string, lines: ShiftLine[]): string {
  return createHash("sha256").update(JSON.stringify({ to, lines })).digest("base64url").slice(0, 32);
}

/**
 * What moving a dated job to `to` would move. Returns null for another studio's job or a job
 * without a date (setting a first date moves nothing).
 */
export async function planReschedule(
  db: Reader,
  { studioId, jobId, to, eventIds }: { studioId: string; jobId: string; to: string; eventIds: string[] },
): Promise<ReschedulePlan | null> {
  const job = await findRescheduleJob(db, { studioId, jobId });
  if (!job) throw notFound("That job");
  if (!job.date) return null;
  const from = dayKeyOfDateColumn(job.date);
  const days = daysBetween(from, to);
  const timeZone = job.studio.timeZone;
  const context = { studioId, jobId: job.id, from, to, days, timeZone, eventIds: days === 0 ? [] : eventIds };
  // One shifter after another: applying plans inside the write's transaction, one connection
  // (pg refuses overlapping queries on it from pg@9).
  const lines: ShiftLine[] = [];
  if (days !== 0) for (const shifter of SHIFTERS) lines.push(...(await shifter.plan(db, context)));
  return {
    job: { id: job.id, title: job.title },
    from,
    to,
    days,
    timeZone,
    lines,
    fingerprint: fingerprintOf(to, lines),
  };
}
