import { defineApiRead } from "@/lib/api/handlers";
import { toApiContactDetail } from "@/lib/api/resources";
import { findContactWithJobs } from "@/lib/contacts/queries";
import { notFound } from "@/lib/errors";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const contact = await findContactWithJobs(db, { studioId: principal.user.studioId, contactId: params.id });
  if (!contact) throw notFound("That client");
  return toApiContactDetail(contact);
});
