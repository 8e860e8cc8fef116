import { addDays, dayKeyOf, timeOfDayOf, zonedInstant } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { type Reader } from "@/lib/reader";

// Rescheduling is composed of shifts: each domain that has dates hanging off a job contributes
// a planner (what would move, as preview lines) and an applier (make the lines true). Preview,
// apply and undo all use the same lines, so what the photographer saw is exactly what happens.

/** The job's date moves from one day to another, `days` later (negative: earlier). */
export type ShiftContext = {
  studioId: string;
  jobId: string;
  from: string;
  to: string;
  days: number;
  timeZone: string;
  /** The events the photographer chose to move with the job. */
  eventIds: string[];
};

/** One thing that moves: its value before and after, as ISO strings (instants or day keys). */
export type ShiftLine = {
  kind: string;
  id: string;
  label: string;
  before: string;
  after: string;
  /** How the preview shows the values. */
  show: "date" | "datetime";
};

export type Shifter = {
  kind: string;
  /** What would move, in display order. */
  plan: (db: Reader, context: ShiftContext) => Promise<ShiftLine[]>;
  /** Sets each line's thing to `after`, refusing if it is no longer at `before`. */
  apply: (tx: Tx, { studioId, lines }: { studioId: string; lines: ShiftLine[] }) => Promise<void>;
};

/** The same wall-clock time `days` later in the studio's calendar, across daylight-saving changes. */
export function shiftInstant(instant: Date, days: number, timeZone: string): Date {
  return zonedInstant(addDays(dayKeyOf(instant, timeZone), days), timeOfDayOf(instant, timeZone), timeZone);
}

/** The lines undo applies: every line backwards. */
export function invertLines(lines: ShiftLine[]): ShiftLine[] {
  return lines.map((line) => ({ ...line, before: line.after, after: line.before }));
}
