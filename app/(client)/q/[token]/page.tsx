import { notFound } from "next/navigation";
import { readConfirmingMiss } from "@/lib/db";
import { findQuestionnaireForClient } from "@/lib/questionnaires/queries";
import { questionnaireToken } from "@/lib/questionnaires/schemas";
import { AnswerForm } from "./answer-form";

export const metadata = { title: "Questionnaire", robots: { index: false } };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short" });

export default async function ClientQuestionnairePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!questionnaireToken.safeParse(token).success) notFound();
  // The link can be opened moments after it was sent, before this request's replica has the row:
  // a miss is confirmed on the primary before the client is told the link is wrong.
  const questionnaire = await readConfirmingMiss((db) => findQuestionnaireForClient(db, { token }));
  if (!questionnaire) notFound();
  const isSubmitted = questionnaire.status === "SUBMITTED";
  return (
    <article className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-slate-500">{questionnaire.studioName}</p>
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{questionnaire.title}</h1>
      {isSubmitted ? (
        <>
          <p role="status" className="mb-6 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            You submitted these answers
            {questionnaire.submittedAt ? ` on ${dateTime.format(questionnaire.submittedAt)}` : ""}. They are read-only
            now; contact {questionnaire.studioName} if something changes.
          </p>
          <dl className="space-y-4">
            {questionnaire.questions.map((q) => (
              <div key={q.id}>
                <dt className="text-sm font-medium text-slate-700">{q.label}</dt>
                <dd className="text-sm whitespace-pre-wrap text-slate-900">{questionnaire.answers[q.id] ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <AnswerForm token={token} questions={questionnaire.questions} answers={questionnaire.answers} />
      )}
    </article>
  );
}
