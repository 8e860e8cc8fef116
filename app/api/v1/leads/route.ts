import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { pageOf, toApiLeadSummary } from "@/lib/api/resources";
import { createLead, PAGES_A_NEW_LEAD_CHANGES } from "@/lib/leads/mutations";
import { findLeadPage } from "@/lib/leads/queries";
import { createLeadSchema, leadListParams } from "@/lib/leads/schemas";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = leadListParams.parse(query);
  return pageOf(await findLeadPage(db, { studioId: principal.user.studioId, ...params }), toApiLeadSummary);
});

/** The same schema and mutation as the "New lead" form. */
export const POST = defineApiWrite({
  schema: createLeadSchema,
  async run({ tx, input, user }) {
    const lead = await createLead(tx, { studioId: user.studioId, input, source: "api" });
    return { status: 201, body: { id: lead.id }, revalidate: PAGES_A_NEW_LEAD_CHANGES };
  },
});
