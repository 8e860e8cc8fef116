import { describe, expect, it } from "vitest";
import {
  addDays,
  dayKeyOf,
  daysBetween,
  formatDayKey,
  isoInZone,
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

  it("reads every instant's wall clock as Intl's own parts do, in any zone and year", () => {
    // Intl's parts, read the slow way, against what the pages show.
    const expected = (instant: Date, timeZone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
        })
          .formatToParts(instant)
          .map((p) => [p.type, p.value]),
      );
      return `${Number(parts.year)}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
    };
    const zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"];
    // Every 97 minutes for two years (both DST changes of each zone), and years outside 1000..9999.
    const instants = Array.from({ length: 10_900 }, (_, i) => new Date(Date.UTC(2027, 0, 1) + i * 97 * 60_000));
    instants.push(new Date(Date.UTC(999, 11, 31, 23, 0)), new Date(Date.UTC(12_000, 5, 1, 12, 0)));
    for (const zone of zones)
      for (const instant of instants)
        expect(`${dayKeyOf(instant, zone)} ${timeOfDayOf(instant, zone)}`, `${instant.toISOString()} ${zone}`).toBe(
          expected(instant, zone),
        );
    expect(isoInZone(new Date("2027-03-14T07:30:00Z"), "America/New_York")).toBe("2027-03-14T03:30:00-04:00");
    expect(isoInZone(new Date("2027-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe("2027-01-01T05:45:00+05:45");
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
