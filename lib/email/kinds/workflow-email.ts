import { z } from "zod";
import { findComposeTarget } from "@/lib/composed-emails/queries";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { defineEmailKind } from "@/lib/email/kind";

/** A workflow step's email to the job's client, its smart fields filled in as it goes. */
export const workflowEmail = defineEmailKind({
  params: z.object({ scheduledEmailId: z.string() }),
  async render({ tx, studioId }, { scheduledEmailId }) {
    if (!studioId) return null;
    const scheduled = await tx.scheduledEmail.findFirst({
      where: { id: scheduledEmailId, studioId },
      select: { subject: true, body: true, jobId: true },
    });
    if (!scheduled) return null;
    const target = await findComposeTarget(tx, { studioId, jobId: scheduled.jobId });
    if (!target) return null;
    const { subject, text, html } = renderEmailWording(scheduled, target.values, "job");
    return { subject, text, html, sender: target.sender };
  },
});
