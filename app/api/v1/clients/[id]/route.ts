import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { sentFields } from "@/lib/api/patch";
import { toApiClient } from "@/lib/api/resources";
import { PAGES_A_CLIENT_CHANGES, updateContact } from "@/lib/contacts/mutations";
import { findContactWithJobs } from "@/lib/contacts/queries";
import { patchContactSchema } from "@/lib/contacts/schemas";
import { notFound } from "@/lib/errors";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const client = await findContactWithJobs(db, { studioId: principal.user.studioId, contactId: params.id });
  if (!client) throw notFound("That client");
  return toApiClient(client);
});

/** The client edit form's fields through its mutation (an email another client has is refused, 409). */
export const PATCH = defineApiWrite<typeof patchContactSchema, { id: string }>({
  schema: patchContactSchema,
  async run({ tx, input, user, params }) {
    const studioId = user.studioId;
    const client = await findContactWithJobs(tx, { studioId, contactId: params.id });
    if (!client) throw notFound("That client");
    const { name, email, phone, address, notes } = client;
    await updateContact(tx, {
      studioId,
      input: { contactId: client.id, name, email, phone, address, notes, ...sentFields(input) },
    });
    const saved = await findContactWithJobs(tx, { studioId, contactId: client.id });
    return { status: 200, body: toApiClient(saved!), revalidate: PAGES_A_CLIENT_CHANGES };
  },
});
