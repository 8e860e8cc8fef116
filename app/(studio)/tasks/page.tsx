import Link from "next/link";
import { Pagination } from "@/components/pipeline/pagination";
import { ActionButton } from "@/components/ui/action-button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findOpenTaskPage } from "@/lib/workflows/queries";
import { completeTaskAction } from "./actions";

export const metadata = { title: "Tasks" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function TasksPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const search = await searchParams;
  const page = await findOpenTaskPage(db, { studioId: user.studioId, brandId, now: new Date(), timeZone: studio.timeZone, after: one(search.after), before: one(search.before) });
  return (
    <>
      <PageHeader title="Tasks" />
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState>
            No open tasks. Start a workflow from a job to plan its steps, or set up your <Link href="/workflows" className="text-brand-600 hover:underline">workflows</Link>.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Open tasks">
            {page.rows.map((t) => (
              <li key={t.taskId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="text-sm font-medium text-slate-900">
                    <Link href={`/jobs/${t.jobId}/workflow`} className="hover:underline">
                      {t.jobTitle}
                    </Link>{" "}
                    - {t.workflow} → {t.name}
                  </p>
                  <p className={`text-xs ${t.overdueDays > 0 ? "font-medium text-red-600" : "text-slate-500"}`}>{t.dueLabel}</p>
                </div>
                <ActionButton action={completeTaskAction} fields={{ taskId: t.taskId }} label="Complete" pendingLabel="Completing…" ariaLabel={`Complete ${t.name} for ${t.jobTitle}`} />
              </li>
            ))}
          </ul>
        )}
        <Pagination basePath="/tasks" params={{}} next={page.next} prev={page.prev} label="Tasks pages" />
      </Card>
    </>
  );
}
