import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findReceivedReferrals, findSentReferrals } from "@/lib/referrals/queries";
import { AnswerButtons } from "./_components/answer-buttons";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Referrals" };

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const STATUS_LABEL = { PENDING: "Waiting for an answer", ACCEPTED: "Accepted", REJECTED: "Rejected" } as const;

export default async function ReferralsPage() {
  const { user, db } = await requireStudioContext();
  const [received, sent] = await Promise.all([
    findReceivedReferrals(db, { studioId: user.studioId }),
    findSentReferrals(db, { studioId: user.studioId }),
  ]);
  return (
    <>
      <PageHeader title="Referrals" />
      <div className="space-y-6">
        <Card title="Referred to you">
          {received.length === 0 ? (
            <EmptyState>No photographer has referred a client to you yet.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {received.map((r) => (
                <li key={r.id} className="space-y-2 py-4">
                  <p className="text-sm font-medium text-slate-900">
                    {r.senderName} referred you to {r.subjectTitle}
                  </p>
                  {r.subject ? (
                    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-slate-500">Client</dt>
                      <dd>{r.subject.clientName}</dd>
                      <dt className="text-slate-500">Email</dt>
                      <dd>{r.subject.email ? <EmailAddress address={r.subject.email} /> : "—"}</dd>
                      {r.subject.phone ? (
                        <>
                          <dt className="text-slate-500">Phone</dt>
                          <dd>{r.subject.phone}</dd>
                        </>
                      ) : null}
                      <dt className="text-slate-500">Event</dt>
                      <dd>
                        {r.subject.eventType}
                        {r.subject.eventDate ? ` on ${r.subject.eventDate}` : ""}
                      </dd>
                      {r.subject.message ? (
                        <>
                          <dt className="text-slate-500">Message</dt>
                          <dd className="whitespace-pre-wrap">{r.subject.message}</dd>
                        </>
                      ) : null}
                    </dl>
                  ) : null}
                  {r.status === "PENDING" ? (
                    <AnswerButtons referralId={r.id} title={r.subjectTitle} />
                  ) : (
                    <p className="text-sm text-slate-500">
                      {STATUS_LABEL[r.status]}
                      {r.respondedAt ? ` on ${day.format(r.respondedAt)}` : ""}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Your referrals">
          {sent.length === 0 ? (
            <EmptyState>
              You haven&apos;t referred anyone yet. Refer a lead or a job from its page when you can&apos;t take it.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {sent.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{r.subjectTitle}</span> to{" "}
                    <EmailAddress address={r.toEmail} />
                    {r.toStudioId ? "" : " (invited to ShootQ)"}
                    <span className="text-slate-500">
                      {" "}
                      · by {r.fromUser.name}, {day.format(r.createdAt)}
                    </span>
                  </span>
                  <span className="text-slate-600">{STATUS_LABEL[r.status]}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
