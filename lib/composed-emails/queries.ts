import { dayKeyOfDateColumn, formatDayKey } from "@/lib/calendar/zoned";
import { modelsOf, type Reader } from "@/lib/reader";
import { TEMPLATE_CONTEXTS, type TemplateContextName } from "@/lib/templates/fields";
import { type TemplateValues } from "@/lib/templates/engine";
import { clientAndSenderValues, findJobTemplateValues } from "@/lib/templates/job-values";

/** Whom an email written on a lead's, a job's or a client's page goes to, whose name it speaks in, and its smart fields' values. */
export type ComposeTarget = {
  context: TemplateContextName;
  to: string | null;
  clientName: string;
  /** The client's page, where the email shows in their history. */
  contactId: string | null;
  /** The brand (or, for a lead with none, the studio) the email goes out as. */
  sender: string;
  values: TemplateValues;
};

type About = {
  studioId: string;
  leadId?: string | null;
  jobId?: string | null;
  contactId?: string | null;
  now?: Date;
};

/** The lead's, job's or client's address and smart-field values as of `now`; null when it is not this studio's. */
export async function findComposeTarget(
  db: Reader,
  { studioId, leadId, jobId, contactId, now = new Date() }: About,
): Promise<ComposeTarget | null> {
  const models = modelsOf(db);
  if (leadId) {
    const lead = await models.lead.findFirst({
      where: { id: leadId, studioId },
      select: {
        name: true,
        email: true,
        contactId: true,
        eventType: true,
        eventDate: true,
        brand: { select: { name: true } },
        studio: { select: { name: true, timeZone: true } },
      },
    });
    if (!lead) return null;
    const sender = lead.brand?.name ?? lead.studio.name;
    return {
      context: "inquiry",
      to: lead.email || null,
      clientName: lead.name,
      contactId: lead.contactId,
      sender,
      values: {
        ...clientAndSenderValues({ clientName: lead.name, brandName: sender, studio: lead.studio, now }),
        "lead.event_type": lead.eventType,
        "lead.event_date": lead.eventDate ? formatDayKey(dayKeyOfDateColumn(lead.eventDate)) : null,
      },
    };
  }
  if (contactId) {
    const contact = await models.contact.findFirst({
      where: { id: contactId, studioId },
      select: {
        id: true,
        name: true,
        email: true,
        studio: { select: { name: true, timeZone: true } },
        // It goes in the name of the brand the client last worked with.
        jobs: {
          where: { studioId },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { brand: { select: { name: true } } },
        },
        leads: {
          where: { studioId, brandId: { not: null } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { brand: { select: { name: true } } },
        },
      },
    });
    if (!contact) return null;
    const sender = contact.jobs[0]?.brand.name ?? contact.leads[0]?.brand?.name ?? contact.studio.name;
    return {
      context: "client",
      to: contact.email || null,
      clientName: contact.name,
      contactId: contact.id,
      sender,
      values: clientAndSenderValues({ clientName: contact.name, brandName: sender, studio: contact.studio, now }),
    };
  }
  if (!jobId) return null;
  // One query for the client, the brand and the values.
  const job = await findJobTemplateValues(db, { studioId, jobId, now });
  if (!job) return null;
  return {
    context: "job",
    to: job.contact.email || null,
    clientName: job.contact.name,
    contactId: job.contact.id,
    sender: job.brandName,
    values: job.values,
  };
}

/** The smart fields an email about this lead or job can use, each with what it says now (the compose form's list). */
export function composeFields(target: ComposeTarget) {
  return TEMPLATE_CONTEXTS[target.context].fields.map((f) => ({
    key: f.key,
    label: f.label,
    value: target.values[f.key] ?? null,
  }));
}
