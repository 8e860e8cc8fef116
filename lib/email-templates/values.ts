import { dayKeyOfDateColumn, formatDayKey } from "@/lib/calendar/zoned";
import { modelsOf, type Reader } from "@/lib/reader";
import { type TemplateValues } from "@/lib/templates/engine";
import { TEMPLATE_CONTEXTS, type TemplateContextName } from "@/lib/templates/fields";
import { clientAndSenderValues } from "@/lib/templates/job-values";

/** The "inquiry" context's values for one lead, dates in the studio's time zone; null without the lead. */
export async function buildInquiryTemplateValues(
  db: Reader,
  { studioId, leadId, now = new Date() }: { studioId: string; leadId: string; now?: Date },
): Promise<{ values: TemplateValues; brandId: string; brandName: string; email: string } | null> {
  const lead = await modelsOf(db).lead.findFirst({
    where: { id: leadId, studioId },
    select: {
      name: true,
      email: true,
      eventType: true,
      eventDate: true,
      brand: { select: { id: true, name: true } },
      studio: { select: { name: true, timeZone: true } },
    },
  });
  if (!lead?.brand || !lead.email) return null;
  return {
    brandId: lead.brand.id,
    brandName: lead.brand.name,
    email: lead.email,
    values: {
      ...clientAndSenderValues({ clientName: lead.name, brandName: lead.brand.name, studio: lead.studio, now }),
      "lead.event_type": lead.eventType,
      "lead.event_date": lead.eventDate ? formatDayKey(dayKeyOfDateColumn(lead.eventDate)) : null,
    },
  };
}

/** A context's example values, in the brand's name: the settings preview and a test send. */
export function exampleTemplateValues(context: TemplateContextName, brandName: string): TemplateValues {
  const fields: readonly { key: string; example: string }[] = TEMPLATE_CONTEXTS[context].fields;
  return { ...Object.fromEntries(fields.map((f) => [f.key, f.example])), "brand.name": brandName };
}
