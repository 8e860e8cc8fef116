import { type StepAnchor } from "@/lib/workflows/steps";
import {
  addDays,
  dayKeyOf,
  dayKeyOfDateColumn,
  daysBetween,
  formatShortDayKey,
  zonedInstant,
} from "@/lib/calendar/zoned";
import { countOf } from "@/lib/words";

/** Tasks fall due at the end of the studio's working day. */
const DUE_HOUR = 17;
/** A workflow's emails go at the start of the studio's working day. */
export const EMAIL_SEND_HOUR = 9;

type Clock = { jobDate: Date | null; now: Date; timeZone: string };

/**
 * The studio's calendar day of each of a template's steps, in order. JOB_DATE counts from the
 * job's date (today when the job has none yet); PREVIOUS_STEP counts from the step before (the
 * first step from the job).
 */
export function computeStepDays(
  steps: { offsetDays: number; anchor: StepAnchor }[],
  { jobDate, now, timeZone }: Clock,
) {
  const start = jobDate ? dayKeyOfDateColumn(jobDate) : dayKeyOf(now, timeZone);
  let previous: string | null = null;
  return steps.map((step) => {
    const base = step.anchor === "PREVIOUS_STEP" && previous ? previous : start;
    previous = addDays(base, step.offsetDays);
    return previous;
  });
}

/** When a task step falls due: 5 pm on its day in the studio's zone. */
export const taskDueAt = (day: string, timeZone: string) => zonedInstant(day, `${DUE_HOUR}:00`, timeZone);

/** When an email step goes: 9 am on its day in the studio's zone. */
export const emailSendAt = (day: string, timeZone: string) => zonedInstant(day, `${EMAIL_SEND_HOUR}:00`, timeZone);

/** Whole days a task is late, counted in the studio's calendar (0 when it is not late). */
export function overdueDays(dueAt: Date, now: Date, timeZone: string): number {
  if (dueAt.getTime() >= now.getTime()) return 0;
  return Math.max(0, daysBetween(dayKeyOf(dueAt, timeZone), dayKeyOf(now, timeZone)));
}

/** "Due Jun 19" (with the year when it is not this year), "Due today", or "Overdue by 3 days" when late. */
export function describeDue(dueAt: Date, now: Date, timeZone: string): string {
  const late = overdueDays(dueAt, now, timeZone);
  if (late > 0) return `Overdue by ${countOf(late, "day", "days")}`;
  const [due, today] = [dayKeyOf(dueAt, timeZone), dayKeyOf(now, timeZone)];
  if (due === today) return "Due today";
  return `Due ${formatShortDayKey(due, due.slice(0, 4) !== today.slice(0, 4))}`;
}
