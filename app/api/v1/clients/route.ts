import { defineApiRead } from "@/lib/api/handlers";
import { pageOf, toApiClientSummary } from "@/lib/api/resources";
import { findContactPage } from "@/lib/contacts/queries";
import { contactListParams } from "@/lib/contacts/schemas";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = contactListParams.parse(query);
  return pageOf(await findContactPage(db, { studioId: principal.user.studioId, ...params }), toApiClientSummary);
});
