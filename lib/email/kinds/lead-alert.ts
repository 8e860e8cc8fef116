import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";
import { findInquiryForAlert } from "@/lib/lead-alerts/queries";
import { accountSettingsUrl, leadUrl } from "@/lib/urls";

/**
 * A new inquiry, to a studio member who asked for one email per inquiry (Settings → Account).
 * Replying answers the client: Reply-To is the address the client gave.
 */
export const leadAlert = defineEmailKind({
  params: z.object({ leadId: z.string() }),
  async render({ tx, origin, studioId }, { leadId }) {
    if (!studioId) return null;
    const lead = await findInquiryForAlert(tx, { studioId, leadId });
    if (!lead) return null;
    return {
      subject: `New inquiry: ${lead.name} (${lead.event})`,
      replyTo: lead.email,
      text: [
        `${lead.name} sent an inquiry${lead.brand ? ` to ${lead.brand}` : ""}.`,
        "",
        `Event: ${lead.event}`,
        `Email: ${lead.email}`,
        ...(lead.phone ? [`Phone: ${lead.phone}`] : []),
        ...(lead.message ? ["", "Their message:", lead.message] : []),
        "",
        `Open the lead: ${leadUrl(origin, lead.id)}`,
        `Reply to this email to answer ${lead.name} directly.`,
        "",
        `You get an email for each new inquiry. To get one a day, or none: ${accountSettingsUrl(origin)}`,
      ].join("\n"),
    };
  },
});
