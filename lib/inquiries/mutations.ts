import { type Tx } from "@/lib/db";
import { queueInquiryAutoReply } from "@/lib/email-templates/mutations";
import { AppError, notFound } from "@/lib/errors";
import { queueLeadAlerts } from "@/lib/lead-alerts/mutations";
import { env } from "@/lib/env";
import { INQUIRY_LIMIT_WINDOW_SECONDS, HONEYPOT_FIELD, type SubmitInquiryInput } from "@/lib/inquiries/schemas";
import { createLead, PAGES_A_NEW_LEAD_CHANGES } from "@/lib/leads/mutations";
import { notify } from "@/lib/notifications/mutations";
import { enforceLimit } from "@/lib/rate-limit";

/** A new lead's pages, and the studio's emails where its auto-reply is listed. */
export const PAGES_AN_INQUIRY_CHANGES = [...PAGES_A_NEW_LEAD_CHANGES, "/emails"];

export type InquiryOutcome = { kind: "created"; leadId: string; studioId: string } | { kind: "ignored" };

/**
 * A client's inquiry from the public page or the studio's own website. The studio comes from
 * the public slug (it is the only tenant key a stranger has); everything after carries its id.
 */
export async function submitInquiry(
  tx: Tx,
  {
    slug,
    clientAddress,
    input,
    source = "inquiry",
  }: { slug: string; clientAddress: string; input: SubmitInquiryInput; source?: string },
): Promise<InquiryOutcome> {
  const studio = await tx.studio.findUnique({ where: { slug }, select: { id: true } });
  if (!studio) throw notFound("That studio");

  await enforceLimit(
    tx,
    {
      bucket: "inquiry",
      key: clientAddress,
      max: env().INQUIRY_LIMIT_PER_HOUR,
      windowSeconds: INQUIRY_LIMIT_WINDOW_SECONDS,
    },
    "Too many inquiries from your connection.",
  );

  // A bot that filled the hidden field is told "thank you" and nothing is saved, so it has no
  // reason to try again differently.
  if (input[HONEYPOT_FIELD]) return { kind: "ignored" };

  if (input.brandId) {
    const brand = await tx.brand.findFirst({ where: { id: input.brandId, studioId: studio.id }, select: { id: true } });
    if (!brand)
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        brandId: ["Choose one of the listed services."],
      });
  }
  const lead = await createLead(tx, { studioId: studio.id, input, source });
  await queueInquiryAutoReply(tx, { studioId: studio.id, leadId: lead.id, brandId: lead.brandId, to: input.email });
  await queueLeadAlerts(tx, { studioId: studio.id, leadId: lead.id });
  await notify(tx, {
    studioId: studio.id,
    kind: "lead.created",
    message: `You have a new lead from ${input.name}`,
    link: `/leads/${lead.id}`,
  });
  return { kind: "created", leadId: lead.id, studioId: studio.id };
}
