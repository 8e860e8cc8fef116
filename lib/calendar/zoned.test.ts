import { describe, expect, it } from "vitest";
import {
  addDays,
  dayKeyOf,
  daysBetween,
  formatDayKey,
  isValidDayKey,
  startOfDay,
  timeOfDayOf,
  zonedInstant,
} from "@/lib/calendar/zoned";

describe("zoned time", () => {
  it("turns wall-clock times into instants across daylight saving changes", () => {
    expect(zonedInstant("2027-03-13", "12:00", "America/New_York").toISOString()).toBe("2027-03-13T17:00:00.000Z");
    expect(zonedInstant("2027-03-14", "12:00", "America/New_York").toISOString()).toBe("2027-03-14T16:00:00.000Z");
    // 02:30 does not exist on the spring-forward night: it resolves to 03:30 daylight time.
    expect(zonedInstant("2027-03-14", "02:30", "America/New_York").toISOString()).toBe("2027-03-14T07:30:00.000Z");
    expect(startOfDay("2027-11-07", "Europe/London").toISOString()).toBe("2027-11-07T00:00:00.000Z");
    expect(startOfDay("2027-07-07", "Australia/Sydney").toISOString()).toBe("2027-07-06T14:00:00.000Z");
  });

  it("reads the local day and time of an instant", () => {
    const instant = new Date("2027-06-02T03:30:00Z");
    expect(dayKeyOf(instant, "America/Chicago")).toBe("2027-06-01");
    expect(timeOfDayOf(instant, "America/Chicago")).toBe("22:30");
    expect(dayKeyOf(instant, "Asia/Tokyo")).toBe("2027-06-02");
  });

  it("does calendar arithmetic on day keys", () => {
    expect(addDays("2027-12-29", 5)).toBe("2028-01-03");
    expect(daysBetween("2027-03-01", "2027-02-26")).toBe(-3);
    expect(formatDayKey("2027-06-01", "2027-01-01")).toBe("Tuesday, June 1");
    expect(formatDayKey("2028-06-01", "2027-01-01")).toBe("Thursday, June 1, 2028");
    expect([
      isValidDayKey("2027-02-29"),
      isValidDayKey("2028-02-29"),
      isValidDayKey("2027-1-01"),
      isValidDayKey("tomorrow"),
    ]).toEqual([false, true, false, false]);
  });
});
