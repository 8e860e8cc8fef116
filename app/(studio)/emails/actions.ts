"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { retryEmail } from "@/lib/email/mutations";

export const retryEmailAction = defineAction({
  access: "studio",
  schema: z.object({ emailId: z.string().trim().min(1).max(64) }),
  async run({ tx, input, user }) {
    await retryEmail(tx, { studioId: user.studioId, emailId: input.emailId });
    return { revalidate: ["/emails", "/dashboard"], message: "Queued again. It will go out in a moment." };
  },
});
