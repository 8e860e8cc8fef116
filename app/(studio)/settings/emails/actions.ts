"use server";

import { defineAction } from "@/lib/actions";
import { saveAutoReply } from "@/lib/email-templates/mutations";
import { saveAutoReplySchema } from "@/lib/email-templates/schemas";

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
