import { countOf } from "@/lib/words";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findWorkflowTemplates } from "@/lib/workflows/queries";
import { STEP_ANCHOR_LABELS } from "@/lib/workflows/steps";

export const metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  const { user, db } = await requireStudioContext();
  const templates = await findWorkflowTemplates(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="Workflows">
        <Link href="/workflows/new" className={buttonClass()}>
          New workflow
        </Link>
      </PageHeader>
      {templates.length === 0 ? (
        <Card>
          <EmptyState>
            No workflows yet. A workflow is the list of steps you repeat for every job, like designing and ordering an
            album.
          </EmptyState>
        </Card>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {templates.map((t) => (
            <Card
              key={t.id}
              title={t.name}
              action={
                <Link href={`/workflows/${t.id}`} className="text-sm text-brand-600 hover:underline">
                  Edit<span className="sr-only"> {t.name}</span>
                </Link>
              }
            >
              <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {t.steps.map((s) => (
                  <li key={s.id}>
                    {s.kind === "EMAIL" ? <span className="font-medium">Email to the client: </span> : null}
                    {s.name}{" "}
                    <span className="text-slate-500">
                      ({countOf(s.offsetDays, "day", "days")} {STEP_ANCHOR_LABELS[s.anchor]})
                    </span>
                  </li>
                ))}
              </ol>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
