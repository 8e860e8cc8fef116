import { findLink } from "@/lib/link-directory";
import { linkToken, newRowWithLink } from "@/lib/tokens";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { queueWebhookEvent } from "@/lib/webhooks/outbox";
import { type Question, readQuestions, validateAnswers } from "@/lib/questionnaires/schemas";

type TemplateInput = { name: string; questions: Question[] };

export async function createQuestionnaireTemplate(
  tx: Tx,
  { studioId, name, questions }: { studioId: string } & TemplateInput,
) {
  return tx.questionnaireTemplate.create({
    data: { studioId, name, questions },
    select: { id: true },
  });
}

/** Questionnaires already sent keep their own copy of the questions; only new sends change. */
export async function updateQuestionnaireTemplate(
  tx: Tx,
  { studioId, templateId, name, questions }: { studioId: string; templateId: string } & TemplateInput,
) {
  const { count } = await tx.questionnaireTemplate.updateMany({
    where: { id: templateId, studioId },
    data: { name, questions },
  });
  if (count === 0) throw notFound("That questionnaire");
}

export async function sendQuestionnaire(
  tx: Tx,
  { studioId, jobId, templateId }: { studioId: string; jobId: string; templateId: string },
) {
  const job = await tx.job.findFirst({
    where: { id: jobId, studioId },
    select: { id: true, title: true, contact: { select: { name: true, email: true } } },
  });
  if (!job) throw notFound("That job");
  const template = await tx.questionnaireTemplate.findFirst({
    where: { id: templateId, studioId },
    select: { id: true, name: true, questions: true },
  });
  if (!template)
    throw new AppError("NOT_FOUND", "That questionnaire was not found.", {
      templateId: ["Choose one of your questionnaires."],
    });
  const questions = readQuestions(template.questions);
  if (questions.length === 0)
    throw new AppError("VALIDATION", "That questionnaire has no questions yet.", {
      templateId: ["Add questions to it first."],
    });
  const email = job.contact.email;
  if (!email)
    throw new AppError("VALIDATION", `${job.contact.name} has no email address, so the questionnaire cannot be sent.`);

  // The client's link carries a token derived from the row; only its hash is stored.
  const { id, tokenHash } = newRowWithLink("questionnaire");
  const questionnaire = await tx.questionnaire.create({
    data: { id, studioId, jobId: job.id, templateId: template.id, title: template.name, questions, tokenHash },
    select: { id: true },
  });
  await queueEmail(tx, {
    studioId,
    kind: "questionnaire.sent",
    to: email,
    params: { questionnaireId: questionnaire.id },
  });
  await notify(tx, {
    studioId,
    kind: "questionnaire.sent",
    message: `${template.name} was sent to ${job.contact.name} for ${job.title}`,
    link: `/jobs/${job.id}/questionnaires`,
  });
  return { id: questionnaire.id, jobId: job.id, token: linkToken("questionnaire", questionnaire.id) };
}

/**
 * The client's answers, reached by the link's token alone (the token is the credential).
 * Saving keeps partial answers; submitting is final, after which the questionnaire is read-only.
 */
export async function answerQuestionnaire(
  tx: Tx,
  {
    token,
    raw,
    submit,
    now = new Date(),
  }: { token: string; raw: Record<string, unknown>; submit: boolean; now?: Date },
) {
  const link = await findLink(tx, token);
  const questionnaire =
    link &&
    (await tx.questionnaire.findUnique({
      where: { studioId_tokenHash: link },
      select: {
        id: true,
        studioId: true,
        jobId: true,
        status: true,
        questions: true,
        answers: true,
        title: true,
        job: { select: { title: true } },
      },
    }));
  if (!questionnaire) throw notFound("That questionnaire");
  if (questionnaire.status === "SUBMITTED")
    throw new AppError("CONFLICT", "These answers were already submitted and can no longer be changed.");
  const { answers, fieldErrors } = validateAnswers(readQuestions(questionnaire.questions), raw);
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError("VALIDATION", "Please correct the highlighted answers. Nothing was saved.", fieldErrors);

  // Guarded on status so two submits racing each other cannot both succeed.
  const { count } = await tx.questionnaire.updateMany({
    where: { id: questionnaire.id, studioId: questionnaire.studioId, status: "SENT" },
    data: { answers, ...(submit ? { status: "SUBMITTED", submittedAt: now } : {}) },
  });
  if (count === 0) throw new AppError("CONFLICT", "These answers were already submitted and can no longer be changed.");
  if (submit) {
    await notify(tx, {
      studioId: questionnaire.studioId,
      kind: "questionnaire.submitted",
      message: `Your questionnaire for ${questionnaire.job.title} has received a response`,
      link: `/jobs/${questionnaire.jobId}/questionnaires`,
    });
    await queueWebhookEvent(tx, {
      studioId: questionnaire.studioId,
      type: "questionnaire.submitted",
      data: {
        id: questionnaire.id,
        jobId: questionnaire.jobId,
        title: questionnaire.title,
        submittedAt: now.toISOString(),
      },
    });
  }
  return { id: questionnaire.id, jobId: questionnaire.jobId, submitted: submit };
}
