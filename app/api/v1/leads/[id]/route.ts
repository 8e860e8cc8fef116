import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { sentFields } from "@/lib/api/patch";
import { toApiLead } from "@/lib/api/resources";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { notFound } from "@/lib/errors";
import { changeLeadStatus, PAGES_A_LEAD_CHANGES, updateLead } from "@/lib/leads/mutations";
import { findLead } from "@/lib/leads/queries";
import { patchLeadSchema } from "@/lib/leads/schemas";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const lead = await findLead(db, { studioId: principal.user.studioId, leadId: params.id });
  if (!lead) throw notFound("That lead");
  return toApiLead(lead);
});

/** The edit form's fields through its mutation, the stage through the stage picker's; pins what both pin. */
export const PATCH = defineApiWrite<typeof patchLeadSchema, { id: string }>({
  schema: patchLeadSchema,
  async run({ tx, input, user, params }) {
    const studioId = user.studioId;
    const lead = await findLead(tx, { studioId, leadId: params.id });
    if (!lead) throw notFound("That lead");
    const { status, ...fields } = sentFields(input);
    if (Object.keys(fields).length > 0) {
      const current = {
        leadId: lead.id,
        name: lead.name,
        email: lead.email,
        phone: lead.phone,
        eventType: lead.eventType,
        eventDate: lead.eventDate ? dayKeyOfDateColumn(lead.eventDate) : null,
        message: lead.message,
        brandId: lead.brandId ?? undefined,
      };
      await updateLead(tx, { studioId, input: { ...current, ...fields } });
    }
    if (status) await changeLeadStatus(tx, { studioId, leadId: lead.id, status });
    const saved = await findLead(tx, { studioId, leadId: lead.id });
    return {
      status: 200,
      body: toApiLead(saved!),
      revalidate: [...PAGES_A_LEAD_CHANGES, ...(lead.jobId ? [`/jobs/${lead.jobId}`] : [])],
    };
  },
});
