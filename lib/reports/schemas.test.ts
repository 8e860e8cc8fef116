import { describe, expect, it } from "vitest";
import { monthsOf, parseReportRange, yearBefore } from "@/lib/reports/schemas";

const TODAY = "2026-11-30";

describe("the reports page's date range", () => {
  it("defaults to the last 12 whole months up to today", () => {
    expect(parseReportRange({}, TODAY)).toEqual({
      range: { key: "last-12-months", from: "2025-12-01", to: "2026-11-30" },
      errors: [],
    });
  });

  it("reads each preset, and from and to as the studio's days", () => {
    expect(parseReportRange({ range: "this-year" }, TODAY).range).toEqual({
      key: "this-year",
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(parseReportRange({ range: "last-year" }, TODAY).range).toMatchObject({
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(parseReportRange({ range: "last-90-days" }, TODAY).range).toMatchObject({ from: "2026-09-02", to: TODAY });
    expect(parseReportRange({ range: "custom", from: "2026-02-03", to: "2026-02-10" }, TODAY).range).toEqual({
      key: "custom",
      from: "2026-02-03",
      to: "2026-02-10",
    });
    // A preset link wins over dates left in the URL by the form.
    expect(parseReportRange({ range: "last-year", from: "2026-02-03", to: "2026-02-10" }, TODAY).range.key).toBe(
      "last-year",
    );
  });

  it("answers bad values with messages and the default range, never a throw", () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ range: "forever" }, "Choose one of the ranges above, or enter your own dates."],
      [
        { range: "custom", from: "2026-02-30", to: "2026-03-01" },
        "The start date must be a real date such as 2026-03-01.",
      ],
      [{ range: "custom", from: "2026-03-01" }, "Enter both a start and an end date."],
      [{ range: "custom", from: "2026-03-01", to: "2026-02-01" }, "The end date is before the start date."],
      [{ range: "custom", from: "2020-01-01", to: "2026-01-01" }, "Choose a range of at most three years."],
      [{ from: ["nonsense", "x"], to: "2026-01-01" }, "The start date must be a real date such as 2026-03-01."],
    ];
    for (const [params, message] of cases) {
      const { range, errors } = parseReportRange(params, TODAY);
      expect(errors, JSON.stringify(params)).toContain(message);
      expect(range.key).toBe("last-12-months");
    }
  });

  it("lists the months a range touches and shifts days back a year", () => {
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(yearBefore("2028-02-29")).toBe("2027-02-28");
    expect(yearBefore("2026-03-31")).toBe("2025-03-31");
  });
});
