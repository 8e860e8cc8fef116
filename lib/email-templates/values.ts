import { dayKeyOfDateColumn, formatDayKey } from "@/lib/calendar/zoned";
import { modelsOf, type Reader } from "@/lib/reader";
import { type TemplateValues } from "@/lib/templates/engine";
import { TEMPLATE_CONTEXTS, type TemplateContextName } from "@/lib/templates/fields";
import { clientAndSenderValues, type RecipientValues } from "@/lib/templates/job-values";

/**
 * The "inquiry" context's values for one lead, dates in the studio's time zone, with its brand
 * (null for a lead entered without one); null when the lead is not this studio's.
 */
export async function findInquiryTemplateValues(
  db: Reader,
  { studioId, leadId, now = new Date() }: { studioId: string; leadId: string; now?: Date },
): Promise<(RecipientValues & { brand: { id: string; name: string } | null }) | null> {
  const lead = await modelsOf(db).lead.findFirst({
    where: { id: leadId, studioId },
    select: {
      name: true,
      email: true,
      contactId: true,
      eventType: true,
      eventDate: true,
      brand: { select: { id: true, name: true } },
      studio: { select: { name: true, timeZone: true } },
    },
  });
  if (!lead) return null;
  const sender = lead.brand?.name ?? lead.studio.name;
  return {
    name: lead.name,
    email: lead.email || null,
    contactId: lead.contactId,
    brand: lead.brand,
    sender,
    values: {
      ...clientAndSenderValues({ clientName: lead.name, brandName: sender, studio: lead.studio, now }),
      "lead.event_type": lead.eventType,
      "lead.event_date": lead.eventDate ? formatDayKey(dayKeyOfDateColumn(lead.eventDate)) : null,
    },
  };
}

/**
 * The "client" context's values for one client, in the name of the brand they last worked with
 * (their latest job's, else their latest inquiry's, else the studio's); null when not this studio's.
 */
export async function findClientTemplateValues(
  db: Reader,
  { studioId, contactId, now = new Date() }: { studioId: string; contactId: string; now?: Date },
): Promise<RecipientValues | null> {
  const contact = await modelsOf(db).contact.findFirst({
    where: { id: contactId, studioId },
    select: {
      id: true,
      name: true,
      email: true,
      studio: { select: { name: true, timeZone: true } },
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
    name: contact.name,
    email: contact.email || null,
    contactId: contact.id,
    sender,
    values: clientAndSenderValues({ clientName: contact.name, brandName: sender, studio: contact.studio, now }),
  };
}

/** A context's example values, in the brand's name: the settings preview and a test send. */
export function exampleTemplateValues(context: TemplateContextName, brandName: string): TemplateValues {
  const fields: readonly { key: string; example: string }[] = TEMPLATE_CONTEXTS[context].fields;
  return { ...Object.fromEntries(fields.map((f) => [f.key, f.example])), "brand.name": brandName };
}
