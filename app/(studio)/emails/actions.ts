"use server";

import { defineAction } from "@/lib/actions";
import { retryEmail } from "@/lib/email/mutations";
import { retryEmailSchema } from "@/lib/email/schemas";

export const retryEmailAction = defineAction({
  access: "studio",
  schema: retryEmailSchema,
  async run({ tx, input, user }) {
    await retryEmail(tx, { studioId: user.studioId, emailId: input.emailId });
    return { revalidate: ["/emails", "/dashboard"], message: "Queued again. It will go out in a moment." };
  },
});
