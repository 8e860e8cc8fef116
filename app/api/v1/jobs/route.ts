import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { pageOf, toApiJob, toApiJobSummary } from "@/lib/api/resources";
import { dayKeyOf } from "@/lib/calendar/zoned";
import { createJob, PAGES_A_NEW_JOB_CHANGES } from "@/lib/jobs/mutations";
import { findJob, findJobPage } from "@/lib/jobs/queries";
import { createJobSchema, jobListParams } from "@/lib/jobs/schemas";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = jobListParams.parse(query);
  // "Upcoming" and "past" are relative to today in the studio's time zone, as on the jobs page.
  const todayKey = dayKeyOf(new Date(), principal.timeZone);
  return pageOf(await findJobPage(db, { studioId: principal.user.studioId, todayKey, ...params }), toApiJobSummary);
});

/** The "New job" form's schema and mutation: an existing client's id, or a new client's name and email. */
export const POST = defineApiWrite({
  schema: createJobSchema,
  async run({ tx, input, user }) {
    const studioId = user.studioId;
    const { id } = await createJob(tx, { studioId, input });
    const job = await findJob(tx, { studioId, jobId: id });
    return { body: toApiJob(job!), location: `/api/v1/jobs/${id}`, revalidate: PAGES_A_NEW_JOB_CHANGES };
  },
});
