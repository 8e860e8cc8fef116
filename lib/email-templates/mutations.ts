import { requireBrandId } from "@/lib/brands/mutations";
import { type Tx } from "@/lib/db";
import { AUTO_REPLY_KIND, EDITABLE_EMAILS, type Wording } from "@/lib/email-templates/editable";
import { findEmailWording } from "@/lib/email-templates/queries";
import { type SaveEmailTemplateInput, type TestEmailTemplateInput } from "@/lib/email-templates/schemas";
import { checkEmailWording } from "@/lib/email-templates/wording";
import { queueEmail, StudioSendRefused } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";

/** A field its context does not have, or a required one left out: an error beside the editor. */
function requireValidWording(kind: SaveEmailTemplateInput["kind"], wording: Wording) {
  const { context, requiredFields } = EDITABLE_EMAILS[kind];
  const errors = checkEmailWording(wording, context, requiredFields);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Please correct the highlighted fields.", errors);
}

/** Saves a brand's wording of one editable email (an email that may not be turned off stays on). */
export async function saveEmailTemplate(
  tx: Tx,
  { studioId, input }: { studioId: string; input: SaveEmailTemplateInput },
) {
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  requireValidWording(input.kind, input);
  const isEnabled = input.isEnabled || !EDITABLE_EMAILS[input.kind].mayTurnOff;
  const wording = { isEnabled, subject: input.subject, body: input.body };
  await tx.emailTemplate.upsert({
    where: { studioId_brandId_kind: { studioId, brandId, kind: input.kind } },
    create: { studioId, brandId, kind: input.kind, ...wording },
    update: wording,
    select: { id: true },
  });
  return { isEnabled };
}

/**
 * Queues the wording as typed, with example values, to the member who asked ("Send me a test"):
 * nothing is saved. Checked as on save. Returns the address it goes to.
 */
export async function sendEmailTemplateTest(
  tx: Tx,
  { studioId, userId, input }: { studioId: string; userId: string; input: TestEmailTemplateInput },
): Promise<string> {
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  requireValidWording(input.kind, input);
  const member = await tx.user.findFirst({ where: { id: userId, studioId, removedAt: null }, select: { email: true } });
  if (!member) throw notFound("Your account");
  const params = { kind: input.kind, brandId, subject: input.subject, body: input.body };
  await queueEmail(tx, { kind: "template.test", studioId, to: member.email, params, toMember: true });
  return member.email;
}

/**
 * Queues the brand's auto-reply to a new inquiry, in the inquiry's transaction. A studio that may
 * not send yet (owner unconfirmed, daily quota used) still gets its lead: the reply is skipped.
 */
export async function queueInquiryAutoReply(
  tx: Tx,
  { studioId, leadId, brandId, to }: { studioId: string; leadId: string; brandId: string | null; to: string },
): Promise<boolean> {
  if (!brandId || !(await findEmailWording(tx, { studioId, brandId, kind: AUTO_REPLY_KIND }))) return false;
  try {
    await queueEmail(tx, { kind: AUTO_REPLY_KIND, studioId, to, params: { leadId } });
    return true;
  } catch (error) {
    if (error instanceof StudioSendRefused) return false;
    throw error;
  }
}
