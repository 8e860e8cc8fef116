import { z } from "zod";
import { findComposeTarget } from "@/lib/composed-emails/queries";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { defineEmailKind } from "@/lib/email/kind";

/** An email a member wrote to a client on a lead's or a job's page, its smart fields filled in as it goes. */
export const clientMessage = defineEmailKind({
  params: z.object({ composedEmailId: z.string() }),
  async render({ tx, studioId }, { composedEmailId }) {
    if (!studioId) return null;
    const composed = await tx.composedEmail.findFirst({
      where: { id: composedEmailId, studioId },
      select: { subject: true, body: true, leadId: true, jobId: true, contactId: true },
    });
    if (!composed) return null;
    // The lead, job or client was deleted before it went: not sent.
    const { leadId, jobId, contactId } = composed;
    const target = await findComposeTarget(tx, { studioId, leadId, jobId, contactId });
    if (!target) return null;
    const { subject, text, html } = renderEmailWording(composed, target.values, target.context);
    return { subject, text, html, sender: target.sender };
  },
});
