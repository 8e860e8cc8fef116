"use server";

import { defineAction } from "@/lib/actions";
import { sendComposedEmail } from "@/lib/composed-emails/mutations";
import { sendComposedEmailSchema } from "@/lib/composed-emails/schemas";
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

export const sendComposedEmailAction = defineAction({
  access: "studio",
  schema: sendComposedEmailSchema,
  async run({ tx, input, user }) {
    const sent = await sendComposedEmail(tx, { studioId: user.studioId, userId: user.id, input });
    return {
      // The studio's outbox and the client's history list it; the page it was written on says so.
      revalidate: [
        "/emails",
        ...(input.leadId ? [`/leads/${input.leadId}`] : []),
        ...(input.jobId ? [`/jobs/${input.jobId}`] : []),
        ...(sent.contactId ? [`/clients/${sent.contactId}`] : []),
      ],
      message: `Sent to ${sent.clientName} (${sent.to}). It goes out in a moment and shows under Emails.`,
    };
  },
});
