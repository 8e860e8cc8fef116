import { defineApiRead } from "@/lib/api/handlers";
import { toApiLead } from "@/lib/api/resources";
import { notFound } from "@/lib/errors";
import { findLead } from "@/lib/leads/queries";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const lead = await findLead(db, { studioId: principal.user.studioId, leadId: params.id });
  if (!lead) throw notFound("That lead");
  return toApiLead(lead);
});
