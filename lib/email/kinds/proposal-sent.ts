import { z } from "zod";
import { dayKeyOf, formatDayKey } from "@/lib/calendar/zoned";
import { EMAIL_JOB_SELECT, renderBrandEmail } from "@/lib/email-templates/brand-email";
import { jobEmailValues } from "@/lib/templates/job-values";
import { PROPOSAL_EMAIL_KIND } from "@/lib/email-templates/editable";
import { defineEmailKind } from "@/lib/email/kind";
import { formatMoney } from "@/lib/money";
import { proposalTotal } from "@/lib/proposals/queries";
import { type ProposalFieldKey } from "@/lib/templates/fields";
import { linkToken } from "@/lib/tokens";
import { proposalUrl } from "@/lib/urls";

/** A sent proposal's link to its client page, in the brand's proposal email (Settings → Emails). */
export const proposalSent = defineEmailKind({
  params: z.object({ proposalId: z.string() }),
  async render({ tx, origin, studioId }, { proposalId }) {
    if (!studioId) return null;
    const proposal = await tx.proposal.findFirst({
      where: { id: proposalId, studioId, status: { not: "DRAFT" } },
      select: {
        id: true,
        title: true,
        expiresAt: true,
        depositCents: true,
        items: { where: { studioId }, select: { quantity: true, unitPriceCents: true } },
        studio: { select: { name: true, timeZone: true, currency: true, locale: true } },
        contract: { select: { title: true } },
        job: { select: EMAIL_JOB_SELECT },
      },
    });
    if (!proposal) return null;
    const { studio, job } = proposal;
    const money = { currency: studio.currency, locale: studio.locale };
    const values: Record<ProposalFieldKey, string | null> = {
      ...jobEmailValues(job, studio),
      "proposal.title": proposal.title,
      "proposal.total": formatMoney(proposalTotal(proposal.items), money),
      "proposal.deposit": formatMoney(proposal.depositCents, money),
      // It expires at the midnight that ends its last day: the client may accept through that day.
      "proposal.expires": formatDayKey(dayKeyOf(new Date(proposal.expiresAt.getTime() - 1), studio.timeZone)),
      "proposal.link": proposalUrl(origin, linkToken("proposal", proposal.id)),
      "proposal.contract_note": proposal.contract
        ? `It comes with a contract to sign, “${proposal.contract.title}”: you accept the proposal and sign it in the same visit.`
        : null,
    };
    return renderBrandEmail(tx, { studioId, brand: job.brand, kind: PROPOSAL_EMAIL_KIND, values });
  },
});
