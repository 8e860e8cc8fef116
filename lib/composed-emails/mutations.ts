import { type Tx } from "@/lib/db";
import { type SendComposedEmailInput } from "@/lib/composed-emails/schemas";
import { findComposeTarget } from "@/lib/composed-emails/queries";
import { checkClientEmailWording, renderEmailWording } from "@/lib/email-templates/wording";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";

const FIX = "Please correct the highlighted fields.";

/** The one lead, job or client the email is about. */
const about = (input: SendComposedEmailInput) => ({
  leadId: input.leadId ?? null,
  jobId: input.jobId ?? null,
  contactId: input.contactId ?? null,
});

/**
 * Sends an email a member wrote on a lead's, a job's or a client's page to that client, in the brand's name
 * with replies to the owner (like every email to a client), counted in the day's quota. Smart
 * fields are checked now and filled in again when the worker sends it; a field with nothing to
 * say yet (no proposal for {{proposal.total}}) is refused rather than sent as a gap.
 */
export async function sendComposedEmail(
  tx: Tx,
  {
    studioId,
    userId,
    input,
    now = new Date(),
  }: { studioId: string; userId: string; input: SendComposedEmailInput; now?: Date },
) {
  const target = await findComposeTarget(tx, { studioId, ...about(input), now });
  if (!target) throw notFound(input.leadId ? "That lead" : input.contactId ? "That client" : "That job");
  const to = target.email;
  if (!to) throw new AppError("VALIDATION", `${target.name} has no email address yet: add one first.`);
  const wording = { subject: input.subject, body: input.body };
  const errors = checkClientEmailWording(wording, target.context);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", FIX, errors);
  const missing = renderEmailWording(wording, target.values, target.context).missing;
  if (missing.length)
    throw new AppError("VALIDATION", FIX, {
      body: [`Nothing to fill in yet for ${missing.map((m) => m.label).join(", ")}: remove it or write it out.`],
    });
  const composed = await tx.composedEmail.create({
    data: { studioId, ...about(input), sentById: userId, ...wording },
    select: { id: true },
  });
  await queueEmail(tx, {
    kind: "client.message",
    studioId,
    to,
    params: { composedEmailId: composed.id },
    now,
  });
  return { to, clientName: target.name, contactId: target.contactId };
}
