import { describe, expect, it } from "vitest";
import {
  checkSteps,
  DEFAULT_STEPS,
  overdueMoment,
  planInstallments,
  planInstallmentShift,
  reminderMoment,
  reminderToSend,
  type ScheduleStep,
} from "@/lib/schedules/plan";

const RETAINER_HALF_REST: ScheduleStep[] = [
  { label: "Retainer", amount: "DEPOSIT", anchor: "BOOKING", offsetDays: 0 },
  { label: "Second payment", amount: "PERCENT", percentBps: 5_000, anchor: "EVENT", offsetDays: -60 },
  { label: "Final payment", amount: "REST", anchor: "EVENT", offsetDays: -14 },
];

describe("planInstallments", () => {
  it("retainer on booking, 50% 60 days before the event, the rest 14 days before: adds up to the total", () => {
    const plan = planInstallments({
      steps: RETAINER_HALF_REST,
      totalMinor: 580_101,
      depositMinor: 100_000,
      bookingDay: "2027-03-01",
      eventDay: "2027-09-18",
    });
    expect(plan).toEqual([
      { label: "Retainer", amountMinor: 100_000, dueOn: "2027-03-01", anchor: "BOOKING", offsetDays: 0 },
      { label: "Second payment", amountMinor: 290_051, dueOn: "2027-07-20", anchor: "EVENT", offsetDays: -60 },
      { label: "Final payment", amountMinor: 190_050, dueOn: "2027-09-04", anchor: "EVENT", offsetDays: -14 },
    ]);
    expect(plan.reduce((a, p) => a + p.amountMinor, 0)).toBe(580_101);
  });

  it("percentages without a rest are split by largest remainder, to the cent", () => {
    const thirds: ScheduleStep[] = [1, 2, 3].map((n) => ({
      label: `Part ${n}`,
      amount: "PERCENT",
      percentBps: n === 1 ? 3_334 : 3_333,
      anchor: "BOOKING",
      offsetDays: (n - 1) * 30,
    }));
    for (const total of [1, 2, 100, 99_999, 1_000_001]) {
      const plan = planInstallments({ steps: thirds, totalMinor: total, bookingDay: "2027-01-10", eventDay: null });
      expect(plan.reduce((a, p) => a + p.amountMinor, 0)).toBe(total);
    }
    expect(
      planInstallments({ steps: thirds, totalMinor: 100, bookingDay: "2027-01-10", eventDay: null }).map(
        (p) => p.amountMinor,
      ),
    ).toEqual([34, 33, 33]);
  });

  it("counts days on the calendar across daylight-saving changes, never in 24-hour blocks", () => {
    // New York falls back on 2027-11-07: 60 local days earlier is September 8, not the 7th.
    const plan = planInstallments({
      steps: RETAINER_HALF_REST,
      totalMinor: 10_000,
      depositMinor: 1_000,
      bookingDay: "2027-01-05",
      eventDay: "2027-11-07",
    });
    expect(plan.map((p) => p.dueOn)).toEqual(["2027-01-05", "2027-09-08", "2027-10-24"]);
    // Spring forward on 2027-03-14, and a leap day.
    const spring = planInstallments({
      steps: RETAINER_HALF_REST,
      totalMinor: 10_000,
      depositMinor: 1_000,
      bookingDay: "2027-12-01",
      eventDay: "2028-04-29",
    });
    expect(spring.map((p) => p.dueOn)).toEqual(["2027-12-01", "2028-02-29", "2028-04-15"]);
  });

  it("a due date before the booking day is due on booking; zero-amount payments are left out", () => {
    const plan = planInstallments({
      steps: RETAINER_HALF_REST,
      totalMinor: 10_000,
      depositMinor: 0,
      bookingDay: "2027-06-01",
      eventDay: "2027-06-20",
    });
    expect(plan).toEqual([
      { label: "Second payment", amountMinor: 5_000, dueOn: "2027-06-01", anchor: "EVENT", offsetDays: -60 },
      { label: "Final payment", amountMinor: 5_000, dueOn: "2027-06-06", anchor: "EVENT", offsetDays: -14 },
    ]);
  });

  it("explains schedules that cannot work", () => {
    expect(checkSteps([])).toBe("Add at least one payment.");
    expect(
      checkSteps([{ label: "A", amount: "PERCENT", percentBps: 5_000, anchor: "BOOKING", offsetDays: 0 }]),
    ).toMatch(/add up to 100%/);
    expect(checkSteps([...DEFAULT_STEPS, { label: "B", amount: "REST", anchor: "BOOKING", offsetDays: 0 }])).toMatch(
      /Only one/,
    );
    expect(() =>
      planInstallments({
        steps: DEFAULT_STEPS,
        totalMinor: 1_000,
        depositMinor: 100,
        bookingDay: "2027-01-01",
        eventDay: null,
      }),
    ).toThrow(/no date yet/);
    expect(() =>
      planInstallments({
        steps: DEFAULT_STEPS,
        totalMinor: 1_000,
        depositMinor: 5_000,
        bookingDay: "2027-01-01",
        eventDay: "2027-05-01",
      }),
    ).toThrow(/more than the invoice total/);
  });
});

describe("reminder and overdue moments in the studio's time zone", () => {
  it("reminders go out at 9:00 local time, whichever side of a DST change", () => {
    // Due on the day New York springs forward: a week before is still standard time (UTC-5).
    expect(reminderMoment("2027-03-14", -7, "America/New_York").toISOString()).toBe("2027-03-07T14:00:00.000Z");
    expect(reminderMoment("2027-03-14", 0, "America/New_York").toISOString()).toBe("2027-03-14T13:00:00.000Z");
    expect(reminderMoment("2027-11-04", 3, "America/New_York").toISOString()).toBe("2027-11-07T14:00:00.000Z");
    expect(reminderMoment("2027-03-26", 3, "Europe/Berlin").toISOString()).toBe("2027-03-29T07:00:00.000Z");
  });

  it("an installment is overdue from the local midnight after its due date", () => {
    expect(overdueMoment("2027-03-14", "America/New_York").toISOString()).toBe("2027-03-15T04:00:00.000Z");
    expect(overdueMoment("2027-11-06", "America/New_York").toISOString()).toBe("2027-11-07T04:00:00.000Z");
    expect(overdueMoment("2027-11-07", "America/New_York").toISOString()).toBe("2027-11-08T05:00:00.000Z");
    expect(overdueMoment("2027-06-30", "Pacific/Auckland").toISOString()).toBe("2027-06-30T12:00:00.000Z");
  });

  it("sends the latest reminder that is due and never an earlier one after a later one", () => {
    const base = {
      dueOn: "2027-03-14",
      offsets: [-7, 0, 3],
      timeZone: "America/New_York",
      sentAt: new Date("2027-02-01T00:00:00Z"),
    };
    expect(reminderToSend({ ...base, sent: [], now: new Date("2027-03-07T13:59:59Z") })).toBeNull();
    expect(reminderToSend({ ...base, sent: [], now: new Date("2027-03-07T14:00:00Z") })).toBe(-7);
    expect(reminderToSend({ ...base, sent: [-7], now: new Date("2027-03-10T00:00:00Z") })).toBeNull();
    expect(reminderToSend({ ...base, sent: [-7], now: new Date("2027-03-14T13:00:00Z") })).toBe(0);
    // Down for the whole week: only "due today" goes out, and "a week before" never follows it.
    expect(reminderToSend({ ...base, sent: [], now: new Date("2027-03-14T20:00:00Z") })).toBe(0);
    expect(reminderToSend({ ...base, sent: [0], now: new Date("2027-03-14T21:00:00Z") })).toBeNull();
    expect(reminderToSend({ ...base, sent: [-7, 0], now: new Date("2027-03-17T13:00:00Z") })).toBe(3);
  });

  it("never reminds of a moment that came before the invoice was sent", () => {
    const base = { dueOn: "2027-03-14", offsets: [-7, 0, 3], timeZone: "America/New_York", sent: [] };
    // Sent on the due date at 10:00: neither "a week before" nor "due today" (9:00) applies.
    const sentAt = new Date("2027-03-14T14:00:00Z");
    expect(reminderToSend({ ...base, sentAt, now: new Date("2027-03-14T20:00:00Z") })).toBeNull();
    expect(reminderToSend({ ...base, sentAt, now: new Date("2027-03-17T13:00:00Z") })).toBe(3);
  });
});

describe("planInstallmentShift", () => {
  it("moves unpaid installments counted from the event with it, and nothing else", () => {
    const installments = [
      { id: "a", label: "Retainer", dueOn: "2027-03-01", anchor: "BOOKING" as const, offsetDays: 0, isPaid: true },
      {
        id: "b",
        label: "Second payment",
        dueOn: "2027-07-20",
        anchor: "EVENT" as const,
        offsetDays: -60,
        isPaid: false,
      },
      {
        id: "c",
        label: "Final payment",
        dueOn: "2027-09-04",
        anchor: "EVENT" as const,
        offsetDays: -14,
        isPaid: false,
      },
      { id: "d", label: "Paid early", dueOn: "2027-09-04", anchor: "EVENT" as const, offsetDays: -14, isPaid: true },
      { id: "e", label: "By hand", dueOn: "2027-08-01", anchor: null, offsetDays: null, isPaid: false },
    ];
    expect(
      planInstallmentShift({ installments, fromDay: "2027-09-18", toDay: "2027-10-16", today: "2027-04-01" }),
    ).toEqual([
      { id: "b", label: "Second payment", from: "2027-07-20", to: "2027-08-17" },
      { id: "c", label: "Final payment", from: "2027-09-04", to: "2027-10-02" },
    ]);
    // Moved earlier than the schedule allows: due today rather than in the past.
    expect(
      planInstallmentShift({ installments, fromDay: "2027-09-18", toDay: "2027-05-01", today: "2027-04-01" }),
    ).toEqual([
      { id: "b", label: "Second payment", from: "2027-07-20", to: "2027-04-01" },
      { id: "c", label: "Final payment", from: "2027-09-04", to: "2027-04-17" },
    ]);
  });
});
