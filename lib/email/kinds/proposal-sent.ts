import { z } from "zod";
import { formatDateTime } from "@/lib/calendar/zoned";
import { defineEmailKind } from "@/lib/email/kind";
import { formatMoney } from "@/lib/money";
import { proposalTotal } from "@/lib/proposals/queries";
import { linkToken } from "@/lib/tokens";
import { proposalUrl } from "@/lib/urls";

/** A sent proposal's link to its client page. */
export const proposalSent = defineEmailKind({
  params: z.object({ proposalId: z.string() }),
  async render({ tx, origin, studioId }, { proposalId }) {
    const proposal = await tx.proposal.findFirst({
      where: { id: proposalId, studioId: studioId ?? undefined, status: { not: "DRAFT" } },
      select: {
        id: true,
        title: true,
        expiresAt: true,
        depositCents: true,
        items: { select: { quantity: true, unitPriceCents: true } },
        studio: { select: { name: true, timeZone: true, currency: true, locale: true } },
        contract: { select: { title: true } },
        job: { select: { title: true, brand: { select: { name: true } }, contact: { select: { name: true } } } },
      },
    });
    if (!proposal) return null;
    const { studio, job } = proposal;
    const money = { currency: studio.currency, locale: studio.locale };
    return {
      sender: job.brand.name,
      subject: `Your proposal from ${studio.name}: ${proposal.title}`,
      text: [
        `Hi ${job.contact.name},`,
        "",
        `${studio.name} has sent you a proposal for ${job.title}: ${proposal.title}.`,
        `Total ${formatMoney(proposalTotal(proposal.items), money)}, deposit ${formatMoney(proposal.depositCents, money)}.`,
        ...(proposal.contract
          ? [
              `It comes with a contract to sign, “${proposal.contract.title}”: you accept the proposal and sign it in the same visit.`,
            ]
          : []),
        `Review and accept it here before ${formatDateTime(proposal.expiresAt, studio.timeZone)}:`,
        proposalUrl(origin, linkToken("proposal", proposal.id)),
      ].join("\n"),
    };
  },
});
