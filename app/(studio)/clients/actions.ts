"use server";

import { defineAction } from "@/lib/actions";
import { mergeContacts, PAGES_A_CLIENT_CHANGES, updateContact } from "@/lib/contacts/mutations";
import { mergeContactsSchema, updateContactSchema } from "@/lib/contacts/schemas";
import { countOf } from "@/lib/words";

export const updateContactAction = defineAction({
  access: "studio",
  schema: updateContactSchema,
  async run({ tx, input, user }) {
    const { id } = await updateContact(tx, { studioId: user.studioId, input });
    return { revalidate: PAGES_A_CLIENT_CHANGES, redirectTo: `/clients/${id}`, flash: `${input.name} was saved.` };
  },
});

export const mergeContactsAction = defineAction({
  access: "studio",
  schema: mergeContactsSchema,
  async run({ tx, input, user }) {
    const merged = await mergeContacts(tx, { studioId: user.studioId, input });
    const moved = [
      merged.movedJobs && countOf(merged.movedJobs, "job", "jobs"),
      merged.movedLeads && countOf(merged.movedLeads, "lead", "leads"),
    ].filter(Boolean);
    return {
      revalidate: PAGES_A_CLIENT_CHANGES,
      redirectTo: `/clients/${merged.id}`,
      flash: `Merged. ${moved.length ? `${moved.join(" and ")} moved to this client.` : "Nothing else had to move."}`,
    };
  },
});
