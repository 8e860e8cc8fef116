import { type Db } from "@/lib/db";
import { readAnswers, readQuestions } from "@/lib/questionnaires/schemas";
import { findLink } from "@/lib/link-directory";

export async function findQuestionnaireTemplates(db: Db, { studioId }: { studioId: string }) {
  const rows = await db.questionnaireTemplate.findMany({
    where: { studioId },
    select: { id: true, name: true, questions: true, createdAt: true, _count: { select: { questionnaires: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    questionCount: readQuestions(t.questions).length,
    sentCount: t._count.questionnaires,
    createdAt: t.createdAt,
  }));
}

export async function findQuestionnaireTemplate(
  db: Db,
  { studioId, templateId }: { studioId: string; templateId: string },
) {
  const row = await db.questionnaireTemplate.findFirst({
    where: { id: templateId, studioId },
    select: { id: true, name: true, questions: true },
  });
  return row ? { ...row, questions: readQuestions(row.questions) } : null;
}

/** A job's questionnaires with their answers, for the photographer. */
export async function findJobQuestionnaires(db: Db, { studioId, jobId }: { studioId: string; jobId: string }) {
  const job = await db.job.findFirst({
    where: { id: jobId, studioId },
    select: {
      id: true,
      title: true,
      contact: { select: { name: true, email: true } },
      questionnaires: {
        where: { studioId },
        select: {
          id: true,
          title: true,
          questions: true,
          answers: true,
          status: true,
          sentAt: true,
          submittedAt: true,
        },
        orderBy: { sentAt: "desc" },
      },
    },
  });
  if (!job) return null;
  return {
    ...job,
    questionnaires: job.questionnaires.map((q) => ({
      ...q,
      questions: readQuestions(q.questions),
      answers: readAnswers(q.answers),
    })),
  };
}

/**
 * What the client sees at /q/[token]: the questions, their saved answers and who is asking.
 * Nothing else of the studio or the job is selected.
 */
export async function findQuestionnaireForClient(db: Db, { token }: { token: string }) {
  const link = await findLink(db, token);
  const row =
    link &&
    (await db.questionnaire.findUnique({
      where: { studioId_tokenHash: link },
      select: {
        title: true,
        questions: true,
        answers: true,
        status: true,
        submittedAt: true,
        studio: { select: { name: true } },
      },
    }));
  if (!row) return null;
  return {
    title: row.title,
    studioName: row.studio.name,
    status: row.status,
    submittedAt: row.submittedAt,
    questions: readQuestions(row.questions),
    answers: readAnswers(row.answers),
  };
}
