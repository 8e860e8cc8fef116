"use server";

import { defineAction } from "@/lib/actions";
import { createSavedEmail, deleteSavedEmail, updateSavedEmail } from "@/lib/saved-emails/mutations";
import { createSavedEmailSchema, savedEmailIdSchema, updateSavedEmailSchema } from "@/lib/saved-emails/schemas";

// Every lead's, job's and client's "Email the client" and every workflow's email steps offer the
// saved emails: "/leads", "/jobs", "/clients" and "/workflows" pin them all for this member.
const OFFERED_ON = ["/leads", "/jobs", "/clients", "/workflows"];

export const createSavedEmailAction = defineAction({
  access: "studio",
  schema: createSavedEmailSchema,
  async run({ tx, input, user }) {
    const { id } = await createSavedEmail(tx, { studioId: user.studioId, input });
    return {
      revalidate: ["/emails/saved", `/emails/saved/${id}`, ...OFFERED_ON],
      redirectTo: "/emails/saved",
      flash: `“${input.name}” saved.`,
    };
  },
});

export const updateSavedEmailAction = defineAction({
  access: "studio",
  schema: updateSavedEmailSchema,
  async run({ tx, input, user }) {
    await updateSavedEmail(tx, { studioId: user.studioId, input });
    return {
      revalidate: ["/emails/saved", `/emails/saved/${input.savedEmailId}`, ...OFFERED_ON],
      redirectTo: "/emails/saved",
      flash: `“${input.name}” saved.`,
    };
  },
});

export const deleteSavedEmailAction = defineAction({
  access: "studio",
  schema: savedEmailIdSchema,
  async run({ tx, input, user }) {
    await deleteSavedEmail(tx, { studioId: user.studioId, savedEmailId: input.savedEmailId });
    return {
      revalidate: ["/emails/saved", `/emails/saved/${input.savedEmailId}`, ...OFFERED_ON],
      redirectTo: "/emails/saved",
      flash: "Saved email deleted. Emails already written from it are unchanged.",
    };
  },
});
