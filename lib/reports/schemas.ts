import { z } from "zod";
import { addDays, daysBetween, isValidDayKey } from "@/lib/calendar/zoned";
import { searchParam } from "@/lib/search-params";

/** The preset ranges, as links above the charts; "custom" takes its own from and to. */
export const REPORT_RANGES = [
  ["last-12-months", "Last 12 months"],
  ["this-year", "This year"],
  ["last-year", "Last year"],
  ["last-90-days", "Last 90 days"],
] as const;
export type ReportRangeKey = (typeof REPORT_RANGES)[number][0] | "custom";
const RANGE_KEYS: [ReportRangeKey, ...ReportRangeKey[]] = ["custom", ...REPORT_RANGES.map(([key]) => key)];

/** At most three years: a month chart of more is no longer readable. */
export const MAX_RANGE_DAYS = 3 * 366;

const blankAsMissing = searchParam.transform((v) => v?.trim() || undefined);
const dayKey = (name: string) =>
  blankAsMissing.pipe(
    z.string().refine(isValidDayKey, `The ${name} date must be a real date such as 2026-03-01.`).optional(),
  );

/** The reports page's URL: a preset range, or from and to (days in the studio's time zone). */
export const reportParamsSchema = z
  .object({
    range: blankAsMissing.pipe(
      z.enum(RANGE_KEYS, { error: "Choose one of the ranges above, or enter your own dates." }).optional(),
    ),
    from: dayKey("start"),
    to: dayKey("end"),
  })
  .superRefine((p, ctx) => {
    const isCustom = p.range === "custom" || (!p.range && (p.from || p.to));
    if (!isCustom) return;
    if (!p.from || !p.to) {
      ctx.addIssue({ code: "custom", path: [p.from ? "to" : "from"], message: "Enter both a start and an end date." });
      return;
    }
    if (p.from > p.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date." });
    else if (daysBetween(p.from, p.to) >= MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Choose a range of at most three years." });
  });
export type ReportParams = z.infer<typeof reportParamsSchema>;

export type ReportRange = { key: ReportRangeKey; from: string; to: string };

const DEFAULT_RANGE: ReportRangeKey = "last-12-months";

const firstOfMonth = (dayKey: string, monthsBack = 0) => {
  const [y, m] = dayKey.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 - monthsBack, 1));
  return d.toISOString().slice(0, 10);
};

/** The days a range covers, `todayKey` being today in the studio's time zone. */
export function resolveReportRange(params: ReportParams, todayKey: string): ReportRange {
  const year = Number(todayKey.slice(0, 4));
  if (params.from && params.to && (params.range ?? "custom") === "custom")
    return { key: "custom", from: params.from, to: params.to };
  switch (params.range ?? DEFAULT_RANGE) {
    case "this-year":
      return { key: "this-year", from: `${year}-01-01`, to: `${year}-12-31` };
    case "last-year":
      return { key: "last-year", from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case "last-90-days":
      return { key: "last-90-days", from: addDays(todayKey, -89), to: todayKey };
    default:
      return { key: "last-12-months", from: firstOfMonth(todayKey, 11), to: todayKey };
  }
}

/**
 * The URL's range, or the default one with the messages saying what was wrong: a mistyped link
 * still shows the reports, never an error page.
 */
export function parseReportRange(
  searchParams: Record<string, string | string[] | undefined>,
  todayKey: string,
): { range: ReportRange; errors: string[] } {
  const parsed = reportParamsSchema.safeParse(searchParams);
  if (parsed.success) return { range: resolveReportRange(parsed.data, todayKey), errors: [] };
  return {
    range: resolveReportRange({}, todayKey),
    errors: [...new Set(parsed.error.issues.map((i) => i.message))],
  };
}

/** The same days one year earlier (29 February becomes the 28th). */
export function yearBefore(dayKey: string): string {
  const [y, m, d] = dayKey.split("-").map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - 1}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2026-03" for every month the range touches, in order. */
export function monthsOf({ from, to }: { from: string; to: string }): string[] {
  const months: string[] = [];
  for (let key = firstOfMonth(from); key <= to; key = firstOfMonth(addDays(key, 32))) months.push(key.slice(0, 7));
  return months;
}
