import { dateColumn, dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { firstBrandId, requireBrandId } from "@/lib/brands/mutations";
import { normalizeEmail } from "@/lib/contacts/email-key";
import { ensureContact } from "@/lib/contacts/mutations";
import { type ConvertLeadInput, type CreateLeadInput, type UpdateLeadInput } from "@/lib/leads/schemas";
import { WEBHOOK_LOG_PAGES } from "@/lib/webhooks/events";
import { queueWebhookEvent } from "@/lib/webhooks/outbox";
import { type JobStatus, type LeadStatus } from "@/prisma/generated/prisma/client";

type Tenant = { studioId: string };

async function requireLead(tx: Tx, { studioId, leadId }: Tenant & { leadId: string }) {
  const lead = await tx.lead.findFirst({
    where: { id: leadId, studioId },
    select: { id: true, name: true, email: true, phone: true, status: true, jobId: true, contactId: true },
  });
  if (!lead) throw notFound("That lead");
  return lead;
}

/**
 * The pages a new lead shows on, whoever adds it (the form, the API): the lists, the dashboard,
 * its client's page, the client pickers under "/jobs", the plan's usage and the webhook log.
 */
export const PAGES_A_NEW_LEAD_CHANGES = [
  "/leads",
  "/dashboard",
  "/clients",
  "/jobs",
  "/settings/billing",
  "/reports",
  WEBHOOK_LOG_PAGES,
];

/**
 * The pages an edit or a stage change of a lead shows on, whoever makes it (the forms, the API):
 * the lists, the dashboard (new leads, their dates) and its client's page; its client is one the
 * new-job and job-edit pages offer (under "/jobs"). A new address can add a client (client.created).
 */
export const PAGES_A_LEAD_CHANGES = ["/leads", "/dashboard", "/clients", "/jobs", "/reports", WEBHOOK_LOG_PAGES];

/** The inquiry's own fields as the lead's columns, the same on creating and editing. */
function leadColumns(input: CreateLeadInput) {
  return {
    name: input.name,
    email: input.email,
    phone: input.phone,
    eventType: input.eventType,
    eventDate: input.eventDate ? dateColumn(input.eventDate) : null,
    message: input.message,
  };
}

/**
 * A lead the photographer enters by hand (a phone call, a referral at a wedding), an inquiry or a
 * row of a CSV import (`importId` tags the lead and a client it creates, for the import's undo).
 * The person becomes (or already is) a client, found by their email.
 */
export async function createLead(
  tx: Tx,
  {
    studioId,
    input,
    source = "manual",
    importId = null,
  }: Tenant & { input: CreateLeadInput; source?: string; importId?: string | null },
) {
  const brandId = input.brandId
    ? await requireBrandId(tx, { studioId, brandId: input.brandId })
    : await firstBrandId(tx, { studioId });
  const contact = await ensureContact(tx, {
    studioId,
    name: input.name,
    email: input.email,
    phone: input.phone,
    importId,
  });
  const lead = await tx.lead.create({
    data: {
      studioId,
      brandId,
      contactId: contact.id,
      ...leadColumns(input),
      source,
      importId,
    },
    select: { id: true, brandId: true },
  });
  await queueLeadCreated(tx, { studioId, leadId: lead.id });
  return { ...lead, isNewContact: contact.isNew };
}

/** The `lead.created` webhook, from every path that creates a lead (form, inquiry, API, referral). */
export async function queueLeadCreated(tx: Tx, { studioId, leadId }: Tenant & { leadId: string }) {
  await queueWebhookEvent(tx, {
    studioId,
    type: "lead.created",
    data: async () => {
      const lead = await tx.lead.findFirstOrThrow({
        where: { id: leadId, studioId },
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          eventType: true,
          eventDate: true,
          message: true,
          status: true,
          source: true,
          brandId: true,
          contactId: true,
          createdAt: true,
        },
      });
      return {
        ...lead,
        eventDate: lead.eventDate ? dayKeyOfDateColumn(lead.eventDate) : null,
        createdAt: lead.createdAt.toISOString(),
      };
    },
  });
}

/** Every field of the inquiry; a new email address moves the lead to that address's client. */
export async function updateLead(tx: Tx, { studioId, input }: Tenant & { input: UpdateLeadInput }) {
  const lead = await requireLead(tx, { studioId, leadId: input.leadId });
  const brandId = input.brandId ? await requireBrandId(tx, { studioId, brandId: input.brandId }) : undefined;
  const isNewAddress = normalizeEmail(input.email) !== normalizeEmail(lead.email) || !lead.contactId;
  const contactId = isNewAddress
    ? (await ensureContact(tx, { studioId, name: input.name, email: input.email, phone: input.phone })).id
    : lead.contactId;
  await tx.lead.updateMany({
    where: { id: lead.id, studioId },
    data: {
      ...leadColumns(input),
      contactId,
      ...(brandId ? { brandId } : {}),
    },
  });
  return { id: lead.id, contactId, previousContactId: lead.contactId };
}

/** Archived leads leave every list but "Archived"; restoring brings one back as it was. */
export async function setLeadArchived(
  tx: Tx,
  { studioId, leadId, isArchived, now = new Date() }: Tenant & { leadId: string; isArchived: boolean; now?: Date },
) {
  const lead = await requireLead(tx, { studioId, leadId });
  await tx.lead.updateMany({ where: { id: lead.id, studioId }, data: { archivedAt: isArchived ? now : null } });
  return { id: lead.id, contactId: lead.contactId };
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
  const contact = lead.contactId
    ? { id: lead.contactId }
    : await ensureContact(tx, { studioId, name: lead.name, email: lead.email, phone: lead.phone });
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
