import { z } from "zod";
import { linkTokenField, recordId } from "@/lib/fields";

export const QUESTION_KINDS = ["short", "long", "choice", "date"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  short: "Short text",
  long: "Long text",
  choice: "Choice",
  date: "Date",
};

const MAX_QUESTIONS = 50;
const MAX_OPTIONS = 20;

/** One question as stored in QuestionnaireTemplate.questions and snapshotted on each Questionnaire. */
export const questionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: z.enum(QUESTION_KINDS),
  label: z.string().min(1).max(300),
  options: z.array(z.string().min(1).max(120)).max(MAX_OPTIONS).optional(),
});
export type Question = z.infer<typeof questionSchema>;

const questionsSchema = z.array(questionSchema).max(MAX_QUESTIONS);

/** Stored JSON back to questions; a row that does not parse shows as having none. */
export function readQuestions(value: unknown): Question[] {
  const parsed = questionsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function readAnswers(value: unknown): Record<string, string> {
  const parsed = z.record(z.string(), z.string()).safeParse(value);
  return parsed.success ? parsed.data : {};
}

const newQuestionId = () => `q-${crypto.randomUUID().slice(0, 8)}`;
const list = z.array(z.string().max(5000)).default([]);

// Every field is checked in one pass (toTemplate), so the form shows all its problems at once.
const templateFields = z.object({
  name: z.string().max(5000).default(""),
  questionId: list,
  questionKind: list,
  questionLabel: list,
  questionOptions: list,
});

function toTemplate(form: z.infer<typeof templateFields>, ctx: z.RefinementCtx) {
  const questions: Question[] = [];
  const problem = (message: string) => ctx.addIssue({ code: "custom", message, path: ["questions"] });
  const name = form.name.trim();
  if (!name) ctx.addIssue({ code: "custom", message: "Give the questionnaire a name.", path: ["name"] });
  else if (name.length > 120) ctx.addIssue({ code: "custom", message: "Use at most 120 characters.", path: ["name"] });
  if (form.questionLabel.length === 0) problem("Add at least one question.");
  if (form.questionLabel.length > MAX_QUESTIONS) problem(`Use at most ${MAX_QUESTIONS} questions.`);
  const seen = new Set<string>();
  form.questionLabel.forEach((rawLabel, i) => {
    const n = i + 1;
    const label = rawLabel.trim();
    const kind = form.questionKind[i] as QuestionKind;
    const given = (form.questionId[i] ?? "").trim();
    const questionId = /^[A-Za-z0-9_-]{1,64}$/.test(given) && !seen.has(given) ? given : newQuestionId();
    seen.add(questionId);
    if (!label) problem(`Question ${n}: enter the question.`);
    else if (label.length > 300) problem(`Question ${n}: use at most 300 characters.`);
    if (!QUESTION_KINDS.includes(kind)) {
      problem(`Question ${n}: choose a kind of answer.`);
      return;
    }
    if (kind !== "choice") {
      questions.push({ id: questionId, kind, label });
      return;
    }
    const options = [
      ...new Set(
        (form.questionOptions[i] ?? "")
          .split("\n")
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    ];
    if (options.length < 2) problem(`Question ${n}: a choice needs at least two options, one per line.`);
    else if (options.length > MAX_OPTIONS) problem(`Question ${n}: use at most ${MAX_OPTIONS} options.`);
    else if (options.some((o) => o.length > 120)) problem(`Question ${n}: keep each option under 120 characters.`);
    questions.push({ id: questionId, kind, label, options });
  });
  return { name, questions };
}

/**
 * The template builder posts one entry per question in parallel arrays (questionId[],
 * questionKind[], questionLabel[], questionOptions[] with one option per line). Problems are
 * reported under `questions`, each naming its question, so the form can show them together.
 */
export const createQuestionnaireTemplateSchema = templateFields.transform(toTemplate);
export type CreateQuestionnaireTemplateInput = z.infer<typeof createQuestionnaireTemplateSchema>;

export const updateQuestionnaireTemplateSchema = templateFields
  .extend({ templateId: recordId })
  .transform((form, ctx) => ({ templateId: form.templateId, ...toTemplate(form, ctx) }));

export const sendQuestionnaireSchema = z.object({
  jobId: recordId,
  templateId: z.string().trim().min(1, "Choose a questionnaire to send.").max(64),
});

export const questionnaireToken = linkTokenField();

/** The client's form: the token, what to do, and one `answer_<questionId>` field per question. */
export const answerQuestionnaireSchema = z.looseObject({
  token: questionnaireToken,
  intent: z.enum(["save", "submit"]).default("save"),
});

export const answerField = (questionId: string) => `answer_${questionId}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const MAX_LENGTH: Record<QuestionKind, number> = { short: 500, long: 5000, choice: 120, date: 10 };

/**
 * Checks the client's answers against the questionnaire's own questions. Unknown fields are
 * ignored; blank answers are allowed (partial answers are saved as they are).
 */
export function validateAnswers(questions: Question[], raw: Record<string, unknown>) {
  const answers: Record<string, string> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const q of questions) {
    const field = answerField(q.id);
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") {
      fieldErrors[field] = ["This answer could not be read."];
      continue;
    }
    const answer = value.trim();
    if (!answer) continue;
    if (answer.length > MAX_LENGTH[q.kind]) fieldErrors[field] = [`Use at most ${MAX_LENGTH[q.kind]} characters.`];
    else if (q.kind === "choice" && !q.options?.includes(answer)) fieldErrors[field] = ["Choose one of the options."];
    else if (q.kind === "date" && !isRealDate(answer)) fieldErrors[field] = ["Enter a real date (YYYY-MM-DD)."];
    else answers[q.id] = answer;
  }
  return { answers, fieldErrors };
}
