import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findOpenTasks } from "@/lib/workflows/queries";
import { ActionButton } from "@/components/ui/action-button";
import { completeTaskAction } from "./actions";

export const metadata = { title: "Tasks" };

const PAGE_SIZE = 50;

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Math.min(10_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const { user, db, brandId } = await requireStudioContext();
  // One extra row tells whether there is a next page.
  const rows = await findOpenTasks(db, { studioId: user.studioId, brandId, now: new Date() }, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE + 1 });
  const tasks = rows.slice(0, PAGE_SIZE);
  return (
    <>
      <PageHeader title="Tasks" />
      <Card>
        {tasks.length === 0 ? (
          <EmptyState>
            No open tasks. Start a workflow from a job to plan its steps, or set up your <Link href="/workflows" className="text-brand-600 hover:underline">workflows</Link>.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Open tasks">
            {tasks.map((t) => (
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
        <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
          {page > 1 ? <Link href={`/tasks?page=${page - 1}`} className="text-brand-600 hover:underline">← Sooner tasks</Link> : <span />}
          {rows.length > PAGE_SIZE ? <Link href={`/tasks?page=${page + 1}`} className="text-brand-600 hover:underline">Later tasks →</Link> : null}
        </nav>
      </Card>
    </>
  );
}
