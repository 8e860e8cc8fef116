"use server";

import { defineAction } from "@/lib/actions";
import { saveAutoReply, sendAutoReplyTest } from "@/lib/email-templates/mutations";
import { saveAutoReplySchema, testAutoReplySchema } from "@/lib/email-templates/schemas";

export const saveAutoReplyAction = defineAction({
  access: "owner",
  schema: saveAutoReplySchema,
  async run({ tx, input, user }) {
    await saveAutoReply(tx, { studioId: user.studioId, input });
    return {
      revalidate: ["/settings/emails"],
      message: input.isEnabled ? "Auto-reply saved." : "Auto-reply saved and turned off.",
    };
  },
});

export const sendAutoReplyTestAction = defineAction({
  access: "owner",
  schema: testAutoReplySchema,
  async run({ tx, input, user }) {
    const to = await sendAutoReplyTest(tx, { studioId: user.studioId, userId: user.id, input });
    return {
      // The test is in the studio's email list at once.
      revalidate: ["/emails"],
      keepValues: true,
      message: `A test is on its way to ${to}, with example values. Nothing was saved.`,
    };
  },
});
