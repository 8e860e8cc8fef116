import { dateColumn } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { firstBrandId, requireBrandId } from "@/lib/brands/mutations";
import { type ConvertLeadInput, type CreateLeadInput } from "@/lib/leads/schemas";
import { type JobStatus, type LeadStatus } from "@/prisma/generated/prisma/client";

type Tenant = { studioId: string };

async function requireLead(tx: Tx, { studioId, leadId }: Tenant & { leadId: string }) {
  const lead = await tx.lead.findFirst({
    where: { id: leadId, studioId },
    select: { id: true, name: true, email: true, phone: true, status: true, jobId: true },
  });
  if (!lead) throw notFound("That lead");
  return lead;
}

/** The pages a new lead shows on, whoever adds it (the form, the API). */
export const PAGES_A_NEW_LEAD_CHANGES = ["/leads", "/dashboard", "/settings/billing"];

/** A lead the photographer enters by hand (a phone call, a referral at a wedding). */
export async function createLead(
  tx: Tx,
  { studioId, input, source = "manual" }: Tenant & { input: CreateLeadInput; source?: string },
) {
  const brandId = input.brandId
    ? await requireBrandId(tx, { studioId, brandId: input.brandId })
    : await firstBrandId(tx, { studioId });
  return tx.lead.create({
    data: {
      studioId,
      brandId,
      name: input.name,
      email: input.email,
      phone: input.phone,
      eventType: input.eventType,
      eventDate: input.eventDate ? dateColumn(input.eventDate) : null,
      message: input.message,
      source,
    },
    select: { id: true },
  });
}

/** Returns the job the lead became, if any: its page shows the lead's stage. */
export async function changeLeadStatus(
  tx: Tx,
  { studioId, leadId, status }: Tenant & { leadId: string; status: LeadStatus },
) {
  const lead = await tx.lead.findFirst({ where: { id: leadId, studioId }, select: { jobId: true } });
  if (!lead) throw notFound("That lead");
  await tx.lead.updateMany({ where: { id: leadId, studioId }, data: { status } });
  return { jobId: lead.jobId };
}

export async function addLeadNote(
  tx: Tx,
  { studioId, leadId, authorId, body }: Tenant & { leadId: string; authorId: string; body: string },
) {
  await requireLead(tx, { studioId, leadId });
  return tx.leadNote.create({ data: { studioId, leadId, authorId, body }, select: { id: true } });
}

const JOB_STATUS_FOR_LEAD: Partial<Record<LeadStatus, JobStatus>> = { PROPOSAL_SENT: "PROPOSED", BOOKED: "BOOKED" };

/** The lead's person becomes a client (Contact) and the inquiry a Job, linked back to the lead. */
export async function convertLeadToJob(tx: Tx, { studioId, input }: Tenant & { input: ConvertLeadInput }) {
  const lead = await requireLead(tx, { studioId, leadId: input.leadId });
  if (lead.jobId) throw new AppError("CONFLICT", "This lead is already a job.");
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  const contact = await tx.contact.create({
    data: { studioId, name: lead.name, email: lead.email, phone: lead.phone },
    select: { id: true },
  });
  const job = await tx.job.create({
    data: {
      studioId,
      brandId,
      contactId: contact.id,
      title: input.title,
      type: input.type,
      date: input.date ? dateColumn(input.date) : null,
      status: JOB_STATUS_FOR_LEAD[lead.status] ?? "LEAD",
    },
    select: { id: true },
  });
  // The conditional update makes two simultaneous conversions of one lead fail instead of
  // leaving a second, orphaned job.
  const { count } = await tx.lead.updateMany({
    where: { id: lead.id, studioId, jobId: null },
    data: { jobId: job.id },
  });
  if (count === 0) throw new AppError("CONFLICT", "This lead is already a job.");
  return { jobId: job.id, contactId: contact.id };
}
