import { dateColumn } from "@/lib/calendar/zoned";
import { createContact, requireContactId } from "@/lib/contacts/mutations";
import { type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireBrandId } from "@/lib/brands/mutations";
import { type CreateJobInput } from "@/lib/jobs/schemas";
import { type JobStatus } from "@/prisma/generated/prisma/client";

type Tenant = { studioId: string };

/** A job entered directly (not from a lead), for an existing client or a new one. */
export async function createJob(tx: Tx, { studioId, input }: Tenant & { input: CreateJobInput }) {
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  const contactId =
    input.contact.kind === "existing"
      ? await requireContactId(tx, { studioId, contactId: input.contact.id })
      : (await createContact(tx, { studioId, input: input.contact })).id;
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
}

export async function requireJob(tx: Tx, { studioId, jobId }: Tenant & { jobId: string }) {
  const job = await tx.job.findFirst({
    where: { id: jobId, studioId },
    select: { id: true, title: true, status: true },
  });
  if (!job) throw notFound("That job");
  return job;
}
