import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findJobQuestionnaires, findQuestionnaireTemplates } from "@/lib/questionnaires/queries";
import { JobTemplateForm } from "../../_components/job-template-form";
import { sendQuestionnaireAction } from "./actions";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Questionnaires" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export default async function JobQuestionnairesPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const { id } = await params;
  const [job, templates] = await Promise.all([
    findJobQuestionnaires(db, { studioId: user.studioId, jobId: id }),
    findQuestionnaireTemplates(db, { studioId: user.studioId }),
  ]);
  if (!job) notFound();
  return (
    <>
      <PageHeader title={`Questionnaires for ${job.title}`}>
        <Link href={`/jobs/${job.id}`} className="text-sm text-brand-600 hover:underline">
          Back to the job
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {job.questionnaires.length === 0 ? (
            <Card>
              <EmptyState>No questionnaire has been sent for this job yet.</EmptyState>
            </Card>
          ) : (
            job.questionnaires.map((q) => (
              <Card
                key={q.id}
                title={q.title}
                action={
                  <span className="text-xs text-slate-500">
                    {q.status === "SUBMITTED" && q.submittedAt
                      ? `Answered ${dateTime.format(q.submittedAt)}`
                      : `Sent ${dateTime.format(q.sentAt)}, waiting for answers`}
                  </span>
                }
              >
                <dl className="space-y-3">
                  {q.questions.map((question) => (
                    <div key={question.id}>
                      <dt className="text-sm font-medium text-slate-700">{question.label}</dt>
                      <dd className="text-sm whitespace-pre-wrap text-slate-900">
                        {q.answers[question.id] ?? <span className="text-slate-600">No answer yet</span>}
                      </dd>
                    </div>
                  ))}
                </dl>
              </Card>
            ))
          )}
        </div>
        <Card title="Send a questionnaire">
          <JobTemplateForm
            action={sendQuestionnaireAction}
            jobId={job.id}
            templates={templates}
            noun="Questionnaire"
            submitLabel="Send questionnaire"
            pendingLabel="Sending…"
            createHref="/questionnaires/new"
            intro={
              <p className="text-sm text-slate-600">
                {job.contact.name} gets a private link by email
                {job.contact.email ? (
                  <>
                    {" at "}
                    <EmailAddress address={job.contact.email} />
                  </>
                ) : null}
                .
              </p>
            }
          />
        </Card>
      </div>
    </>
  );
}
