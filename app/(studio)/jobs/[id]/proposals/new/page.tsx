import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { addDays, dayKeyOf } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findJobSummary } from "@/lib/jobs/queries";
import { ProposalForm } from "../../../_components/proposal-form";

export const metadata = { title: "New proposal" };

type Props = { params: Promise<{ id: string }> };

export default async function NewProposalPage({ params }: Props) {
  const { user, db, studio, money } = await requireStudioContext();
  const job = await findJobSummary(db, { studioId: user.studioId, jobId: (await params).id.slice(0, 64) });
  if (!job) notFound();
  return (
    <>
      <PageHeader title={`New proposal for ${job.title}`}>
        <Link href={`/jobs/${job.id}`} className="text-sm text-brand-600 hover:underline">
          Back to job
        </Link>
      </PageHeader>
      <Card>
        <div className="max-w-3xl">
          <ProposalForm
            mode="create"
            jobId={job.id}
            defaultExpiresOn={addDays(dayKeyOf(new Date(), studio.timeZone), 14)}
            money={money}
          />
        </div>
      </Card>
    </>
  );
}
