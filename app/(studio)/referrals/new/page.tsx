import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { previewReferral } from "@/lib/referrals/queries";
import { newReferralParams } from "@/lib/referrals/schemas";
import { type SearchParams } from "@/lib/search-params";
import { ReferralForm } from "../_components/referral-form";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Refer to another photographer" };

export default async function NewReferralPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, db } = await requireStudioContext();
  const query = newReferralParams.parse(await searchParams);
  const leadId = query.leadId;
  const jobId = leadId ? undefined : query.jobId;
  const preview = await previewReferral(db, { studioId: user.studioId, leadId, jobId });
  if (!preview) notFound();
  const { subject } = preview;
  return (
    <>
      <PageHeader title={`Refer ${preview.subjectTitle}`} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <ReferralForm leadId={leadId} jobId={jobId} defaultNote={subject.message ?? ""} />
        </Card>
        <Card title="What they will see">
          <p className="mb-3 text-xs text-slate-500">
            Only these details are shared, plus your name and message. Nothing else from your studio.
          </p>
          <dl className="space-y-1 text-sm">
            <dt className="text-slate-500">Client</dt>
            <dd>{subject.clientName}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd>
              {subject.email ? (
                <EmailAddress address={subject.email} />
              ) : (
                <span className="text-red-600">No email address: add one before referring.</span>
              )}
            </dd>
            {subject.phone ? (
              <>
                <dt className="text-slate-500">Phone</dt>
                <dd>{subject.phone}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Event</dt>
            <dd>
              {subject.eventType}
              {subject.eventDate ? ` on ${subject.eventDate}` : ""}
            </dd>
          </dl>
        </Card>
      </div>
    </>
  );
}
