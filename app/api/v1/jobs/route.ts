import { defineApiRead } from "@/lib/api/handlers";
import { pageOf, toApiJobSummary } from "@/lib/api/resources";
import { dayKeyOf } from "@/lib/calendar/zoned";
import { findJobPage } from "@/lib/jobs/queries";
import { jobListParams } from "@/lib/jobs/schemas";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = jobListParams.parse(query);
  // "Upcoming" and "past" are relative to today in the studio's time zone, as on the jobs page.
  const todayKey = dayKeyOf(new Date(), principal.timeZone);
  return pageOf(await findJobPage(db, { studioId: principal.user.studioId, todayKey, ...params }), toApiJobSummary);
});
