import { z } from "zod";
import { formatDateTime } from "@/lib/calendar/zoned";
import { defineEmailKind } from "@/lib/email/kind";
import { linkToken } from "@/lib/tokens";
import { contractUrl } from "@/lib/urls";

/** A sent contract's signing link (or, re-sent, its fresh link), for the job's client. */
export const contractSent = defineEmailKind({
  params: z.object({ contractId: z.string(), isReminder: z.boolean().default(false) }),
  async render({ tx, origin, studioId }, { contractId, isReminder }) {
    const contract = await tx.contract.findFirst({
      where: {
        id: contractId,
        studioId: studioId ?? undefined,
        status: { in: ["SENT", "VIEWED"] },
        tokenHash: { not: null },
      },
      select: {
        id: true,
        title: true,
        linkVersion: true,
        linkExpiresAt: true,
        studio: { select: { name: true, timeZone: true } },
        job: { select: { title: true, brand: { select: { name: true } }, contact: { select: { name: true } } } },
      },
    });
    // Voided, or signed, before the email went out: it no longer applies.
    if (!contract) return null;
    const { studio, job } = contract;
    // Derived at send time from the current link version: a re-send makes earlier emails' links stop working.
    const link = contractUrl(origin, linkToken("contract", contract.id, contract.linkVersion));
    return {
      sender: job.brand.name,
      subject: `${isReminder ? "Reminder: please" : "Please"} sign your contract from ${studio.name}: ${contract.title}`,
      text: [
        `Hi ${job.contact.name},`,
        "",
        `${studio.name} has sent you a contract to sign for ${job.title}: ${contract.title}.`,
        "Read it and sign it online, on your phone or computer, here:",
        link,
        "",
        `${contract.linkExpiresAt ? `The link works until ${formatDateTime(contract.linkExpiresAt, studio.timeZone)}. ` : ""}Once both sides have signed, you will receive the signed copy by email.`,
      ].join("\n"),
    };
  },
});
