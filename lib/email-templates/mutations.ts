import { requireBrandId } from "@/lib/brands/mutations";
import { type Tx } from "@/lib/db";
import { findAutoReplyWording } from "@/lib/email-templates/queries";
import { type SaveAutoReplyInput, type TestAutoReplyInput } from "@/lib/email-templates/schemas";
import { AUTO_REPLY_KIND, checkEmailWording } from "@/lib/email-templates/wording";
import { queueEmail, StudioSendRefused } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";

/** Saves a brand's auto-reply; a field the inquiry context does not have is an error beside the editor. */
export async function saveAutoReply(tx: Tx, { studioId, input }: { studioId: string; input: SaveAutoReplyInput }) {
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  const errors = checkEmailWording(input);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Please correct the highlighted fields.", errors);
  const wording = { isEnabled: input.isEnabled, subject: input.subject, body: input.body };
  await tx.emailTemplate.upsert({
    where: { studioId_brandId_kind: { studioId, brandId, kind: AUTO_REPLY_KIND } },
    create: { studioId, brandId, kind: AUTO_REPLY_KIND, ...wording },
    update: wording,
    select: { id: true },
  });
}

/**
 * Queues the wording as typed, with example values, to the member who asked ("Send me a test"):
 * nothing is saved. A field the inquiry context does not have is an error beside the editor, as
 * on save. Returns the address it goes to.
 */
export async function sendAutoReplyTest(
  tx: Tx,
  { studioId, userId, input }: { studioId: string; userId: string; input: TestAutoReplyInput },
): Promise<string> {
  const brandId = await requireBrandId(tx, { studioId, brandId: input.brandId });
  const errors = checkEmailWording(input);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Please correct the highlighted fields.", errors);
  const member = await tx.user.findFirst({ where: { id: userId, studioId, removedAt: null }, select: { email: true } });
  if (!member) throw notFound("Your account");
  const params = { brandId, subject: input.subject, body: input.body };
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
  if (!brandId || !(await findAutoReplyWording(tx, { studioId, brandId }))) return false;
  try {
    await queueEmail(tx, { kind: AUTO_REPLY_KIND, studioId, to, params: { leadId } });
    return true;
  } catch (error) {
    if (error instanceof StudioSendRefused) return false;
    throw error;
  }
}
