import { z } from "zod";
import { onlyKnownFields } from "@/lib/api/patch";
import { checkClientEmailWording } from "@/lib/email-templates/wording";
import { recordId } from "@/lib/fields";
import { STEP_ANCHORS, STEP_KINDS, type StepAnchor, type StepInput, type StepKind } from "@/lib/workflows/steps";

const MAX_STEPS = 30;
const MAX_OFFSET = 730;
const MAX_SUBJECT = 200;
const MAX_BODY = 10_000;
const list = z.array(z.string().max(500)).default([]);
const bodies = z.array(z.string().max(MAX_BODY + 1000)).default([]);

// Every field is checked in one pass, so the form shows all its problems at once.
const templateFields = z.object({
  name: z.string().max(500).default(""),
  stepName: list,
  stepOffset: list,
  stepAnchor: list,
  // Older forms and API clients send no kinds: every step is then a task.
  stepKind: list,
  stepSubject: list,
  stepBody: bodies,
});

/** An email step's subject and message: present, not too long, every smart field one a job has. */
function emailProblems(n: number, subject: string, body: string): string[] {
  const problems: string[] = [];
  if (!subject) problems.push(`Step ${n}: enter the email's subject.`);
  else if (subject.length > MAX_SUBJECT)
    problems.push(`Step ${n}: use at most ${MAX_SUBJECT} characters in the subject.`);
  if (!body) problems.push(`Step ${n}: write the email's message.`);
  else if (body.length > MAX_BODY) problems.push(`Step ${n}: use at most ${MAX_BODY} characters in the message.`);
  if (problems.length) return problems;
  const wording = checkClientEmailWording({ subject, body }, "job");
  for (const [field, messages] of Object.entries(wording))
    for (const message of messages)
      problems.push(`Step ${n} ${field === "subject" ? "subject" : "message"}: ${message}`);
  return problems;
}

function toTemplate(form: z.infer<typeof templateFields>, ctx: z.RefinementCtx) {
  const name = form.name.trim();
  if (!name) ctx.addIssue({ code: "custom", message: "Give the workflow a name.", path: ["name"] });
  else if (name.length > 120) ctx.addIssue({ code: "custom", message: "Use at most 120 characters.", path: ["name"] });
  const problem = (message: string) => ctx.addIssue({ code: "custom", message, path: ["steps"] });
  if (form.stepName.length === 0) problem("Add at least one step.");
  if (form.stepName.length > MAX_STEPS) problem(`Use at most ${MAX_STEPS} steps.`);
  const steps: StepInput[] = form.stepName.map((rawName, i) => {
    const n = i + 1;
    const stepName = rawName.trim();
    if (!stepName) problem(`Step ${n}: enter a name.`);
    else if (stepName.length > 120) problem(`Step ${n}: use at most 120 characters.`);
    const rawOffset = (form.stepOffset[i] ?? "").trim();
    const offsetDays = Number(rawOffset);
    if (!/^-?\d+$/.test(rawOffset) || Math.abs(offsetDays) > MAX_OFFSET)
      problem(`Step ${n}: enter a whole number of days between -${MAX_OFFSET} and ${MAX_OFFSET}.`);
    const anchor = form.stepAnchor[i] as StepAnchor;
    if (!STEP_ANCHORS.includes(anchor)) problem(`Step ${n}: choose what the days count from.`);
    const kind = (form.stepKind[i] || "TASK") as StepKind;
    if (!STEP_KINDS.includes(kind)) problem(`Step ${n}: choose a task or an email.`);
    if (kind !== "EMAIL") return { name: stepName, offsetDays, anchor, kind, emailSubject: null, emailBody: null };
    const emailSubject = (form.stepSubject[i] ?? "").trim();
    const emailBody = (form.stepBody[i] ?? "").replace(/\r\n/g, "\n").trim();
    emailProblems(n, emailSubject, emailBody).forEach(problem);
    return { name: stepName, offsetDays, anchor, kind, emailSubject, emailBody };
  });
  return { name, steps };
}

/**
 * The builder posts one entry per step in parallel arrays: stepName[], stepOffset[],
 * stepAnchor[], stepKind[], and an email step's stepSubject[] and stepBody[] (empty for a task).
 */
export const createWorkflowTemplateSchema = templateFields.transform(toTemplate);

export const updateWorkflowTemplateSchema = templateFields
  .extend({ templateId: recordId })
  .transform((form, ctx) => ({ templateId: form.templateId, ...toTemplate(form, ctx) }));

export const applyWorkflowSchema = z.object({
  jobId: recordId,
  templateId: z.string().trim().min(1, "Choose a workflow to apply.").max(64),
});

/** An API edit of a task: completing it is the one change the task list makes. */
export const patchTaskSchema = onlyKnownFields(
  z.object({ completed: z.literal(true, { error: "Send true: a task can only be completed." }) }),
);

export const completeTaskSchema = z.object({
  taskId: recordId,
  returnTo: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/)
    .max(300)
    .optional(),
});
