import pg from "pg";
import { dayKeyOf } from "../../../lib/calendar/zoned.ts";
import {
  findBookingsByMonth,
  findBusiestShootTimes,
  findLeadFunnel,
  findResponseTimes,
  findRevenue,
  type ReportScope,
} from "../../../lib/reports/queries.ts";
import { resolveReportRange } from "../../../lib/reports/schemas.ts";
import { createCapturingDb, explainWork } from "../../testing/query-plans.ts";
import { median, round, type LoadStats } from "./load.ts";

export type ReportTiming = {
  report: string;
  brand: "all" | "one";
  statements: number;
  /** PostgreSQL's execution time of the report's statements, summed; median and worst of the runs. */
  medianMs: number;
  maxMs: number;
};

export type ReportsBench = {
  range: { from: string; to: string };
  runs: number;
  queries: ReportTiming[];
  page: { target: "cluster" | "single"; connections: number; stats: LoadStats }[];
};

const REPORTS = {
  "bookings by month": findBookingsByMonth,
  "lead funnel": findLeadFunnel,
  "response times": findResponseTimes,
  revenue: (db: Parameters<typeof findRevenue>[0], scope: ReportScope) =>
    findRevenue(db, { ...scope, currency: "USD" }),
  "busiest shoot times": findBusiestShootTimes,
};

/**
 * Each report's database time on the big studio over the page's default range (the last 12
 * months), for all brands and for one: the app's own query functions run against the replica, and
 * every statement they send is EXPLAIN ANALYZEd there, `runs` times after a warm-up.
 */
export async function measureReportQueries({
  replicaUrl,
  studioId,
  brandId,
  timeZone,
  runs = 5,
}: {
  replicaUrl: string;
  studioId: string;
  brandId: string;
  timeZone: string;
  runs?: number;
}): Promise<Pick<ReportsBench, "range" | "runs" | "queries">> {
  const sql = new pg.Client({ connectionString: replicaUrl });
  await sql.connect();
  const capturing = createCapturingDb(replicaUrl);
  try {
    const range = resolveReportRange({}, dayKeyOf(new Date(), timeZone));
    const queries: ReportTiming[] = [];
    for (const brand of ["all", "one"] as const) {
      const scope: ReportScope = {
        studioId,
        brandId: brand === "one" ? brandId : undefined,
        from: range.from,
        to: range.to,
        timeZone,
      };
      for (const [report, run] of Object.entries(REPORTS)) {
        await run(capturing.db, scope);
        const totals: number[] = [];
        let statements = 0;
        for (let i = 0; i < runs; i++) {
          const plans = await explainWork(sql, capturing.captured, () => run(capturing.db, scope));
          statements = plans.length;
          totals.push(plans.reduce((ms, p) => ms + p.ms, 0));
        }
        queries.push({
          report,
          brand,
          statements,
          medianMs: round(median(totals), 2),
          maxMs: round(Math.max(...totals), 2),
        });
      }
    }
    return { range: { from: range.from, to: range.to }, runs, queries };
  } finally {
    await capturing.base.$disconnect();
    await sql.end();
  }
}
