import { defineApiRead } from "@/lib/api/handlers";
import { pageOf, toApiJobSummary } from "@/lib/api/resources";
import { dayKeyOf } from "@/lib/calendar/zoned";
import { readConfirmingMiss } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { findJobPage } from "@/lib/jobs/queries";
import { jobListParams } from "@/lib/jobs/schemas";
import { findStudioShell } from "@/lib/studios/queries";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const { studioId } = principal.user;
  // A studio made a moment ago may not be on this request's replica yet (as for pages).
  const studio = await readConfirmingMiss((host) => findStudioShell(host, { studioId }));
  if (!studio) throw notFound("That studio");
  const params = jobListParams.parse(query);
  // "Upcoming" and "past" are relative to today in the studio's time zone, as on the jobs page.
  const todayKey = dayKeyOf(new Date(), studio.timeZone);
  return pageOf(await findJobPage(db, { studioId, todayKey, ...params }), toApiJobSummary);
});
