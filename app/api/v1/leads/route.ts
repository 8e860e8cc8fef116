import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { pageOf, toApiLead, toApiLeadSummary } from "@/lib/api/resources";
import { createLead, PAGES_A_NEW_LEAD_CHANGES } from "@/lib/leads/mutations";
import { findLead, findLeadPage } from "@/lib/leads/queries";
import { createLeadSchema, leadListParams } from "@/lib/leads/schemas";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = leadListParams.parse(query);
  return pageOf(await findLeadPage(db, { studioId: principal.user.studioId, ...params }), toApiLeadSummary);
});

/** The same schema and mutation as the "New lead" form; answers the lead as GET /leads/{id} would. */
export const POST = defineApiWrite({
  schema: createLeadSchema,
  async run({ tx, input, user }) {
    const studioId = user.studioId;
    const { id } = await createLead(tx, { studioId, input, source: "api" });
    const lead = await findLead(tx, { studioId, leadId: id });
    return {
      body: toApiLead(lead!),
      location: `/api/v1/leads/${id}`,
      revalidate: PAGES_A_NEW_LEAD_CHANGES,
    };
  },
});
