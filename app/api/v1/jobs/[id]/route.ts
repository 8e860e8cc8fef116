import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { sentFields } from "@/lib/api/patch";
import { toApiJob } from "@/lib/api/resources";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { AppError, notFound } from "@/lib/errors";
import { changeJobStatus, PAGES_A_JOB_CHANGES, updateJob } from "@/lib/jobs/mutations";
import { findJob } from "@/lib/jobs/queries";
import { patchJobSchema } from "@/lib/jobs/schemas";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const job = await findJob(db, { studioId: principal.user.studioId, jobId: params.id });
  if (!job) throw notFound("That job");
  return toApiJob(job);
});

/** The job edit form's fields through its mutation, the status through the status picker's. */
export const PATCH = defineApiWrite<typeof patchJobSchema, { id: string }>({
  schema: patchJobSchema,
  async run({ tx, input, user, params }) {
    const studioId = user.studioId;
    const job = await findJob(tx, { studioId, jobId: params.id });
    if (!job) throw notFound("That job");
    const { status, ...fields } = sentFields(input);
    if (Object.keys(fields).length > 0) {
      const current = {
        jobId: job.id,
        title: job.title,
        type: job.type,
        date: job.date ? dayKeyOfDateColumn(job.date) : null,
        brandId: job.brand.id,
        contactId: job.contact.id,
        notes: job.notes,
      };
      const { rescheduleTo } = await updateJob(tx, { studioId, input: { ...current, ...fields } });
      // The form goes on to a preview of what moves with a dated job; the API does not guess it.
      if (rescheduleTo)
        throw new AppError("CONFLICT", "Moving a dated job moves its events, invoices and tasks.", {
          date: ["This job already has a date: reschedule it from its page, which shows what moves with it."],
        });
    }
    if (status) await changeJobStatus(tx, { studioId, jobId: job.id, status });
    const saved = await findJob(tx, { studioId, jobId: job.id });
    return { status: 200, body: toApiJob(saved!), revalidate: [...PAGES_A_JOB_CHANGES, "/settings/studio"] };
  },
});
