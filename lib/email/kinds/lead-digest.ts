import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";
import { findDigestForEmail } from "@/lib/lead-alerts/queries";
import { accountSettingsUrl, leadUrl, leadsUrl } from "@/lib/urls";

const inquiries = (n: number) => `${n} new ${n === 1 ? "inquiry" : "inquiries"}`;

/** The morning's digest of new inquiries, to a member who asked for one a day. */
export const leadDigest = defineEmailKind({
  params: z.object({ digestId: z.string() }),
  async render({ tx, origin, studioId }, { digestId }) {
    if (!studioId) return null;
    const digest = await findDigestForEmail(tx, { studioId, digestId });
    // Gone, switched off since, or nothing left to tell (the inquiries were deleted): not sent.
    if (!digest || digest.total === 0) return null;
    const more = digest.total - digest.leads.length;
    return {
      subject: `${inquiries(digest.total)} for ${digest.studioName}`,
      text: [
        `Good morning ${digest.memberName},`,
        "",
        `${digest.studioName} has ${inquiries(digest.total)} since ${digest.since}:`,
        "",
        ...digest.leads.flatMap((lead) => [
          `- ${lead.name}: ${lead.event}${lead.brand ? ` (${lead.brand})` : ""}`,
          `  ${leadUrl(origin, lead.id)}`,
        ]),
        ...(more > 0 ? ["", `and ${more} more: ${leadsUrl(origin)}`] : []),
        "",
        `You get this email once a day. To get one per inquiry, or none: ${accountSettingsUrl(origin)}`,
      ].join("\n"),
    };
  },
});
