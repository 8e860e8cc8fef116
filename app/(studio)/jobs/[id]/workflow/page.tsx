import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { describeDue } from "@/lib/workflows/due-dates";
import { findJobWorkflow, findWorkflowTemplates } from "@/lib/workflows/queries";
import { ActionButton } from "@/components/ui/action-button";
import { completeTaskAction } from "@/app/(studio)/tasks/actions";
import { JobTemplateForm } from "../../_components/job-template-form";
import { describeScheduledEmail } from "@/lib/scheduled-emails/queries";
import { applyWorkflowAction, sendScheduledEmailNowAction, skipScheduledEmailAction } from "./actions";
import { ScheduledEmailForm } from "./_components/scheduled-email-form";

export const metadata = { title: "Workflow" };

export default async function JobWorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const { id } = await params;
  const [job, templates] = await Promise.all([
    findJobWorkflow(db, { studioId: user.studioId, jobId: id }),
    findWorkflowTemplates(db, { studioId: user.studioId }),
  ]);
  if (!job) notFound();
  const now = new Date();
  const next = job.tasks.find((t) => !t.completedAt);
  const completedOn = new Intl.DateTimeFormat("en-US", { timeZone: job.studio.timeZone, dateStyle: "medium" });
  const emails = job.scheduledEmails.map((e) => describeScheduledEmail(e, job.studio.timeZone));
  return (
    <>
      <PageHeader title={`Workflow for ${job.title}`}>
        <Link href={`/jobs/${job.id}`} className="text-sm text-brand-600 hover:underline">
          Back to the job
        </Link>
      </PageHeader>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <Card title="Tasks">
            {job.tasks.length === 0 ? (
              <EmptyState>No tasks yet. Apply a workflow to plan this job&apos;s steps.</EmptyState>
            ) : (
              <ol className="divide-y divide-slate-100" aria-label="Tasks">
                {job.tasks.map((t) => (
                  <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div>
                      <p
                        className={`text-sm ${t.completedAt ? "text-slate-500 line-through" : "font-medium text-slate-900"}`}
                      >
                        {t.workflow} → {t.name}
                        {t.id === next?.id ? (
                          <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-700 no-underline">
                            Next
                          </span>
                        ) : null}
                      </p>
                      <p className="text-xs text-slate-500">
                        {t.completedAt
                          ? `Done ${completedOn.format(t.completedAt)}`
                          : describeDue(t.dueAt, now, job.studio.timeZone)}
                      </p>
                    </div>
                    {t.completedAt ? null : (
                      <ActionButton
                        action={completeTaskAction}
                        fields={{ taskId: t.id }}
                        label="Complete"
                        pendingLabel="Completing…"
                        ariaLabel={"Complete " + t.name}
                      />
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card title="Emails to the client">
            {emails.length === 0 ? (
              <EmptyState>
                No emails scheduled. A workflow step can email the client, for example &quot;What to wear&quot; a week
                before the job.
              </EmptyState>
            ) : (
              <ol className="divide-y divide-slate-100" aria-label="Emails to the client">
                {emails.map((e) => (
                  <li key={e.id} className="py-3">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="text-sm font-medium text-slate-900">
                          {e.workflow} → {e.name}
                        </p>
                        <p className="text-sm break-words text-slate-700">{e.subject}</p>
                        <p className="text-xs text-slate-500">
                          {e.when}
                          {e.note ? ` · ${e.note}` : null}
                        </p>
                      </div>
                      {e.status === "SCHEDULED" ? (
                        <div className="flex flex-wrap gap-2">
                          <ActionButton
                            action={sendScheduledEmailNowAction}
                            fields={{ scheduledEmailId: e.id }}
                            label="Send now"
                            pendingLabel="Sending…"
                            ariaLabel={"Send now: " + e.name}
                            confirm={`Send "${e.name}" to the client now?`}
                          />
                          <ActionButton
                            action={skipScheduledEmailAction}
                            fields={{ scheduledEmailId: e.id }}
                            label="Skip"
                            pendingLabel="Skipping…"
                            ariaLabel={"Skip " + e.name}
                            confirm={`Skip "${e.name}"? It will not be sent.`}
                          />
                        </div>
                      ) : null}
                    </div>
                    {e.status === "SCHEDULED" ? (
                      <ScheduledEmailForm
                        id={e.id}
                        name={e.name}
                        defaults={{ subject: e.subject, body: e.body, sendOn: e.sendOn }}
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <Card title="Apply a workflow">
          <JobTemplateForm
            action={applyWorkflowAction}
            jobId={job.id}
            templates={templates.map((t) => ({ id: t.id, name: t.name }))}
            noun="Workflow"
            submitLabel="Apply workflow"
            pendingLabel="Applying…"
            createHref="/workflows/new"
          />
        </Card>
      </div>
    </>
  );
}
