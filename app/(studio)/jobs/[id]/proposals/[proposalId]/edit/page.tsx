import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { addDays, dayKeyOf } from "@/lib/calendar/zoned";
import { formatMoneyInput } from "@/lib/money";
import { findDraftProposal } from "@/lib/proposals/queries";
import { ProposalForm } from "../../../../_components/proposal-form";

export const metadata = { title: "Edit proposal" };

export default async function EditProposalPage({ params }: { params: Promise<{ id: string; proposalId: string }> }) {
  const { user, db, studio, money } = await requireStudioContext();
  const { id, proposalId } = await params;
  const proposal = await findDraftProposal(db, {
    studioId: user.studioId,
    jobId: id.slice(0, 64),
    proposalId: proposalId.slice(0, 64),
  });
  if (!proposal) notFound();
  return (
    <>
      <PageHeader title={`Edit ${proposal.title}`}>
        <Link href={`/jobs/${proposal.job.id}`} className="text-sm text-brand-600 hover:underline">
          Back to {proposal.job.title}
        </Link>
      </PageHeader>
      <Card>
        <div className="max-w-3xl">
          <ProposalForm
            mode="edit"
            money={money}
            proposalId={proposal.id}
            draft={{
              title: proposal.title,
              deposit: formatMoneyInput(proposal.depositCents, money),
              // Stored as the next local midnight: the last day to accept is the day before.
              expiresOn: addDays(dayKeyOf(proposal.expiresAt, studio.timeZone), -1),
              items: proposal.items.map((i) => ({
                description: i.description,
                quantity: String(i.quantity),
                unitPrice: formatMoneyInput(i.unitPriceCents, money),
                taxRate: "",
              })),
            }}
          />
        </div>
      </Card>
    </>
  );
}
