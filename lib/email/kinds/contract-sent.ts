import { z } from "zod";
import { formatDateTime } from "@/lib/calendar/zoned";
import { EMAIL_JOB_SELECT, renderBrandEmail } from "@/lib/email-templates/brand-email";
import { jobEmailValues } from "@/lib/templates/job-values";
import { CONTRACT_EMAIL_KIND, CONTRACT_REMINDER_KIND } from "@/lib/email-templates/editable";
import { defineEmailKind } from "@/lib/email/kind";
import { type ContractEmailFieldKey } from "@/lib/templates/fields";
import { linkToken } from "@/lib/tokens";
import { contractUrl } from "@/lib/urls";

/**
 * A sent contract's signing link (or, re-sent, its fresh link), for the job's client, in the
 * brand's contract email (or contract reminder).
 */
export const contractSent = defineEmailKind({
  params: z.object({ contractId: z.string(), isReminder: z.boolean().default(false) }),
  async render({ tx, origin, studioId }, { contractId, isReminder }) {
    if (!studioId) return null;
    const contract = await tx.contract.findFirst({
      where: { id: contractId, studioId, status: { in: ["SENT", "VIEWED"] }, tokenHash: { not: null } },
      select: {
        id: true,
        title: true,
        linkVersion: true,
        linkExpiresAt: true,
        studio: { select: { name: true, timeZone: true } },
        job: { select: EMAIL_JOB_SELECT },
      },
    });
    // Voided, or signed, before the email went out: it no longer applies.
    if (!contract) return null;
    const { studio, job } = contract;
    const values: Record<ContractEmailFieldKey, string | null> = {
      ...jobEmailValues(job, studio),
      "contract.title": contract.title,
      // Derived at send time from the current link version: a re-send makes earlier emails' links stop working.
      "contract.link": contractUrl(origin, linkToken("contract", contract.id, contract.linkVersion)),
      "contract.expiry_note": contract.linkExpiresAt
        ? `The link works until ${formatDateTime(contract.linkExpiresAt, studio.timeZone)}.`
        : null,
    };
    const kind = isReminder ? CONTRACT_REMINDER_KIND : CONTRACT_EMAIL_KIND;
    return renderBrandEmail(tx, { studioId, brand: job.brand, kind, values });
  },
});
