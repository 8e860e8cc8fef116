import Link from "next/link";
import { ExportLink } from "@/components/exports/export-link";
import { Pagination } from "@/components/ui/pagination";
import { ActionButton } from "@/components/ui/action-button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { pageParamsSchema, type SearchParams } from "@/lib/search-params";
import { findOpenTaskPage, formatTask } from "@/lib/workflows/queries";
import { completeTaskAction } from "./actions";

export const metadata = { title: "Tasks" };

type Props = { searchParams: Promise<SearchParams> };

export default async function TasksPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const page = await findOpenTaskPage(db, {
    studioId: user.studioId,
    brandId,
    now: new Date(),
    timeZone: studio.timeZone,
    ...pageParamsSchema.parse(await searchParams),
  });
  return (
    <>
      <PageHeader title="Tasks">
        <ExportLink list="tasks" />
      </PageHeader>
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState>
            No open tasks. Start a workflow from a job to plan its steps, or set up your{" "}
            <Link href="/workflows" className="text-brand-600 hover:underline">
              workflows
            </Link>
            .
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Open tasks">
            {page.rows.map((t) => (
              <li key={t.taskId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="text-sm font-medium text-slate-900">
                    <Link href={`/jobs/${t.jobId}/workflow`} className="hover:underline">
                      {formatTask(t)}
                    </Link>
                  </p>
                  <p className="text-xs text-slate-600">
                    {t.jobTitle} ·{" "}
                    <span className={t.overdueDays > 0 ? "font-medium text-red-600" : "text-slate-500"}>
                      {t.dueLabel}
                    </span>
                  </p>
                </div>
                <ActionButton
                  action={completeTaskAction}
                  fields={{ taskId: t.taskId }}
                  label="Complete"
                  pendingLabel="Completing…"
                  ariaLabel={`Complete ${t.name} for ${t.jobTitle}`}
                />
              </li>
            ))}
          </ul>
        )}
        <Pagination basePath="/tasks" params={{}} next={page.next} prev={page.prev} label="Tasks pages" />
      </Card>
    </>
  );
}
