import { z } from "zod";
import { AUTO_REPLY_KIND } from "@/lib/email-templates/editable";
import { findEmailWording } from "@/lib/email-templates/queries";
import { findInquiryTemplateValues } from "@/lib/email-templates/values";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { defineEmailKind } from "@/lib/email/kind";

/** The brand's answer to a new inquiry, in the brand's own words (Settings → Emails). */
export const inquiryAutoReply = defineEmailKind({
  params: z.object({ leadId: z.string() }),
  async render({ tx, studioId }, { leadId }) {
    if (!studioId) return null;
    const lead = await findInquiryTemplateValues(tx, { studioId, leadId });
    // Only an inquiry to a brand, from someone who left an address, gets the brand's answer.
    if (!lead?.brand || !lead.email) return null;
    // Turned off after it was queued: not sent.
    const wording = await findEmailWording(tx, { studioId, brandId: lead.brand.id, kind: AUTO_REPLY_KIND });
    if (!wording) return null;
    const { subject, text, html } = renderEmailWording(wording, lead.values);
    return { subject, text, html, sender: lead.brand.name };
  },
});
