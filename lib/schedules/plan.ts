import { addDays, daysBetween, startOfDay, zonedInstant } from "@/lib/calendar/zoned";
import { allocate, mulDivRound } from "@/lib/money";

// Payment schedules as pure arithmetic: from a template's steps and an invoice's total to
// installments whose amounts add up to the total to the unit, with due dates as calendar days
// in the studio's time zone. Reminder and overdue moments are instants in that zone.

export type ScheduleAmountKind = "DEPOSIT" | "PERCENT" | "FIXED" | "REST";
export type ScheduleAnchorKind = "BOOKING" | "EVENT";

export type ScheduleStep = {
  label: string;
  amount: ScheduleAmountKind;
  percentBps?: number | null;
  fixedMinor?: number | null;
  anchor: ScheduleAnchorKind;
  offsetDays: number;
};

export type PlannedInstallment = {
  label: string;
  amountMinor: number;
  dueOn: string;
  anchor: ScheduleAnchorKind | null;
  offsetDays: number | null;
};

export class ScheduleError extends Error {}

/** Why a template's steps cannot make a schedule for any invoice, or null when they can. */
export function checkSteps(steps: ScheduleStep[]): string | null {
  if (steps.length === 0) return "Add at least one payment.";
  const rests = steps.filter((s) => s.amount === "REST").length;
  if (rests > 1) return "Only one payment can be “the rest”.";
  if (rests === 0) {
    const onlyPercent = steps.every((s) => s.amount === "PERCENT");
    const sum = steps.reduce((a, s) => a + (s.percentBps ?? 0), 0);
    if (!onlyPercent || sum !== 10_000)
      return "End with a payment of “the rest”, or use percentages that add up to 100%.";
  }
  if (steps.reduce((a, s) => a + (s.amount === "PERCENT" ? (s.percentBps ?? 0) : 0), 0) > 10_000)
    return "The percentages add up to more than 100%.";
  return null;
}

/**
 * The installments of `steps` for an invoice of `totalMinor` booked on `bookingDay`. A deposit
 * step takes the proposal's deposit; "the rest" takes what the others leave. A due date that
 * falls before the booking day (the event is sooner than the schedule expects) is the booking
 * day. Installments come back in due-date order.
 */
export function planInstallments({
  steps,
  totalMinor,
  depositMinor = 0,
  bookingDay,
  eventDay,
}: {
  steps: ScheduleStep[];
  totalMinor: number;
  depositMinor?: number;
  bookingDay: string;
  eventDay: string | null;
}): PlannedInstallment[] {
  const problem = checkSteps(steps);
  if (problem) throw new ScheduleError(problem);
  let amounts: number[];
  if (steps.every((s) => s.amount === "PERCENT") && !steps.some((s) => s.amount === "REST")) {
    amounts = allocate(
      totalMinor,
      steps.map((s) => s.percentBps ?? 0),
    );
  } else {
    amounts = steps.map((s) =>
      s.amount === "DEPOSIT"
        ? depositMinor
        : s.amount === "FIXED"
          ? (s.fixedMinor ?? 0)
          : s.amount === "PERCENT"
            ? mulDivRound(totalMinor, s.percentBps ?? 0, 10_000)
            : 0,
    );
    const rest = totalMinor - amounts.reduce((a, b) => a + b, 0);
    if (rest < 0) throw new ScheduleError("The payments of this schedule add up to more than the invoice total.");
    amounts[steps.findIndex((s) => s.amount === "REST")] = rest;
  }
  const planned = steps.map((step, i) => {
    if (step.anchor === "EVENT" && !eventDay)
      throw new ScheduleError("This job has no date yet: set the job's date to use a schedule counted from the event.");
    const anchorDay = step.anchor === "EVENT" ? eventDay! : bookingDay;
    const due = addDays(anchorDay, step.offsetDays);
    return {
      label: step.label,
      amountMinor: amounts[i],
      dueOn: due < bookingDay ? bookingDay : due,
      anchor: step.anchor,
      offsetDays: step.offsetDays,
    };
  });
  // Array sort is stable: payments due the same day keep the template's order.
  return planned.filter((p) => p.amountMinor > 0).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The default when a studio has no template: the deposit on booking, the rest 14 days before the event. */
export const DEFAULT_STEPS: ScheduleStep[] = [
  { label: "Retainer", amount: "DEPOSIT", anchor: "BOOKING", offsetDays: 0 },
  { label: "Balance", amount: "REST", anchor: "EVENT", offsetDays: -14 },
];

/** Without an event date, the default's balance is due 30 days after booking. */
export const DEFAULT_STEPS_WITHOUT_EVENT: ScheduleStep[] = [
  { label: "Retainer", amount: "DEPOSIT", anchor: "BOOKING", offsetDays: 0 },
  { label: "Balance", amount: "REST", anchor: "BOOKING", offsetDays: 30 },
];

/** Reminders go out at this local time of day. */
export const REMINDER_TIME = "09:00";

/** When the reminder `offsetDays` from `dueOn` is due: 9:00 that day in the studio's zone. */
export function reminderMoment(dueOn: string, offsetDays: number, timeZone: string): Date {
  return zonedInstant(addDays(dueOn, offsetDays), REMINDER_TIME, timeZone);
}

/** An installment is overdue from the local midnight after its due date. */
export function overdueMoment(dueOn: string, timeZone: string): Date {
  return startOfDay(addDays(dueOn, 1), timeZone);
}

/**
 * Of the reminders due by `now` that were not sent yet, the one to send: the latest, unless a
 * later one already went out. Earlier ones it passed over (a long outage) are stale, not lost:
 * a client is never sent "due in a week" after "overdue". Reminders whose moment came before
 * the invoice was sent are never sent (the client has just received the invoice).
 */
export function reminderToSend({
  dueOn,
  offsets,
  sent,
  timeZone,
  now,
  sentAt,
}: {
  dueOn: string;
  offsets: number[];
  sent: number[];
  timeZone: string;
  now: Date;
  sentAt: Date;
}): number | null {
  const due = offsets.filter((o) => {
    const moment = reminderMoment(dueOn, o, timeZone).getTime();
    return moment <= now.getTime() && moment >= sentAt.getTime();
  });
  const unsent = due.filter((o) => !sent.includes(o));
  if (unsent.length === 0) return null;
  const latest = Math.max(...unsent);
  return sent.some((o) => o > latest) ? null : latest;
}

export type ShiftableInstallment = {
  id: string;
  label: string;
  dueOn: string;
  anchor: ScheduleAnchorKind | null;
  offsetDays: number | null;
  isPaid: boolean;
};

export type InstallmentShift = { id: string; label: string; from: string; to: string };

/**
 * What moving the event from `fromDay` to `toDay` does to a job's installments: unpaid ones
 * counted from the event keep their distance to it (never earlier than `today`); paid ones,
 * and ones counted from the booking or typed by hand, stay.
 */
export function planInstallmentShift({
  installments,
  fromDay,
  toDay,
  today,
}: {
  installments: ShiftableInstallment[];
  fromDay: string | null;
  toDay: string;
  today: string;
}): InstallmentShift[] {
  const shifts: InstallmentShift[] = [];
  for (const i of installments) {
    if (i.isPaid || i.anchor !== "EVENT") continue;
    const offset = i.offsetDays ?? (fromDay ? daysBetween(fromDay, i.dueOn) : null);
    if (offset === null) continue;
    const target = addDays(toDay, offset);
    const to = target < today ? today : target;
    if (to !== i.dueOn) shifts.push({ id: i.id, label: i.label, from: i.dueOn, to });
  }
  return shifts;
}
