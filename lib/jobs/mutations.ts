import { dateColumn, dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { ensureContact, requireContactId } from "@/lib/contacts/mutations";
import { type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireBrandId } from "@/lib/brands/mutations";
import { cancelScheduledEmails } from "@/lib/scheduled-emails/mutations";
import { type CreateJobInput, type UpdateJobInput } from "@/lib/jobs/schemas";
import { WEBHOOK_LOG_PAGES } from "@/lib/webhooks/events";
import { type JobStatus } from "@/prisma/generated/prisma/client";

type Tenant = { studioId: string };

/**
 * A job shows on the job lists and pages (a pin on "/jobs" covers /jobs/<id> and its workflow),
 * the calendar and dashboard, the task list, the bookings list, its client's page, the lead it
 * came from and its invoices (its title, and due dates a reschedule moves).
 */
export const PAGES_A_JOB_CHANGES = [
  "/jobs",
  "/calendar",
  "/dashboard",
  "/leads",
  "/clients",
  "/tasks",
  "/bookings",
  "/invoices",
  "/reports",
];

/** A new job also counts on billing and on each brand's settings, and a new client is a webhook event. */
export const PAGES_A_NEW_JOB_CHANGES = [
  "/jobs",
  "/dashboard",
  "/clients",
  "/settings/billing",
  "/settings/studio",
  "/reports",
  WEBHOOK_LOG_PAGES,
];

/** A job entered directly (not from a lead), for an existing client or a new one (found by email when they are not new after all). */
export async function createJob(tx: Tx, { studioId, input }: Tenant & { input: CreateJobInput }) {
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  const contactId =
    input.contact.kind === "existing"
      ? await requireContactId(tx, { studioId, contactId: input.contact.id })
      : (
          await ensureContact(tx, {
            studioId,
            name: input.contact.name,
            email: input.contact.email,
            phone: input.contact.phone,
          })
        ).id;
  return tx.job.create({
    data: {
      studioId,
      brandId,
      contactId,
      title: input.title,
      type: input.type,
      date: input.date ? dateColumn(input.date) : null,
    },
    select: { id: true },
  });
}

export async function changeJobStatus(
  tx: Tx,
  { studioId, jobId, status }: Tenant & { jobId: string; status: JobStatus },
) {
  const { count } = await tx.job.updateMany({ where: { id: jobId, studioId }, data: { status } });
  if (count === 0) throw notFound("That job");
  if (status === "CANCELLED") await cancelScheduledEmails(tx, { studioId, jobId });
}

export async function requireJob(tx: Tx, { studioId, jobId }: Tenant & { jobId: string }) {
  const job = await tx.job.findFirst({
    where: { id: jobId, studioId },
    select: { id: true, title: true, status: true },
  });
  if (!job) throw notFound("That job");
  return job;
}

/**
 * Title, type, brand, client and notes as typed. A first date (or removing the date) is saved
 * here; moving a dated job to another day is a reschedule, which previews what moves with it,
 * so the new day comes back as `rescheduleTo` instead of being saved.
 */
export async function updateJob(tx: Tx, { studioId, input }: Tenant & { input: UpdateJobInput }) {
  const job = await tx.job.findFirst({
    where: { id: input.jobId, studioId },
    select: { id: true, date: true, contactId: true },
  });
  if (!job) throw notFound("That job");
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  const contactId = await requireContactId(tx, { studioId, contactId: input.contactId });
  const current = job.date ? dayKeyOfDateColumn(job.date) : null;
  const rescheduleTo = current && input.date && input.date !== current ? input.date : null;
  await tx.job.updateMany({
    where: { id: job.id, studioId },
    data: {
      title: input.title,
      type: input.type,
      brandId,
      contactId,
      notes: input.notes,
      ...(rescheduleTo ? {} : { date: input.date ? dateColumn(input.date) : null }),
    },
  });
  return { id: job.id, rescheduleTo, contactIds: [...new Set([job.contactId, contactId])] };
}
