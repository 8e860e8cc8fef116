import { type StepAnchor } from "@/lib/workflows/schemas";
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

/**
 * Due dates for a template's steps, in order. JOB_DATE counts from the job's date (today when
 * the job has none yet); PREVIOUS_STEP counts from the step before (the first step from the job).
 */
export function computeDueDates(
  steps: { offsetDays: number; anchor: StepAnchor }[],
  { jobDate, now, timeZone }: { jobDate: Date | null; now: Date; timeZone: string },
): Date[] {
  const start = jobDate ? dayKeyOfDateColumn(jobDate) : dayKeyOf(now, timeZone);
  let previous: string | null = null;
  return steps.map((step) => {
    const base = step.anchor === "PREVIOUS_STEP" && previous ? previous : start;
    const day = addDays(base, step.offsetDays);
    previous = day;
    return zonedInstant(day, `${DUE_HOUR}:00`, timeZone);
  });
}

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
