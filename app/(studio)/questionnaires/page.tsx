import { countOf } from "@/lib/words";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findQuestionnaireTemplates } from "@/lib/questionnaires/queries";

export const metadata = { title: "Questionnaires" };

export default async function QuestionnairesPage() {
  const { user, db } = await requireStudioContext();
  const templates = await findQuestionnaireTemplates(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="Questionnaires">
        <Link href="/questionnaires/new" className={buttonClass()}>
          New questionnaire
        </Link>
      </PageHeader>
      <Card>
        {templates.length === 0 ? (
          <EmptyState>No questionnaires yet. Create one, then send it to a client from a job.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {templates.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-4 py-3">
                <div>
                  <Link href={`/questionnaires/${t.id}`} className="font-medium text-slate-900 hover:underline">
                    {t.name}
                  </Link>
                  <p className="text-sm text-slate-500">
                    {countOf(t.questionCount, "question", "questions")} ·{" "}
                    {t.sentCount === 0 ? "not sent yet" : `sent ${countOf(t.sentCount, "time", "times")}`}
                  </p>
                </div>
                <Link href={`/questionnaires/${t.id}`} className={buttonClass("secondary")}>
                  Edit<span className="sr-only"> {t.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
