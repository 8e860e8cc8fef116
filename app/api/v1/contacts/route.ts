import { defineApiRead } from "@/lib/api/handlers";
import { pageOf, toApiContact } from "@/lib/api/resources";
import { findContactPage } from "@/lib/contacts/queries";
import { pageParamsSchema } from "@/lib/search-params";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = pageParamsSchema.parse(query);
  return pageOf(await findContactPage(db, { studioId: principal.user.studioId, ...params }), toApiContact);
});
