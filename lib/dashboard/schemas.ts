import { z } from "zod";
import { searchParam } from "@/lib/search-params";

const cursor = searchParam.pipe(z.string().max(300).optional()).catch(undefined);

/** The dashboard pages each of its lists on its own: a cursor pair per list in the URL. */
export const dashboardParams = z.object({
  news: cursor,
  newsBefore: cursor,
  shoots: cursor,
  shootsBefore: cursor,
  next: cursor,
  nextBefore: cursor,
});
export type DashboardPages = z.infer<typeof dashboardParams>;
export const DASHBOARD_PAGE_PARAMS = Object.keys(dashboardParams.shape) as (keyof DashboardPages)[];
