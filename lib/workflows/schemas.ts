import { z } from "zod";
import { onlyKnownFields } from "@/lib/api/patch";
import { recordId } from "@/lib/fields";

export const STEP_ANCHORS = ["JOB_DATE", "PREVIOUS_STEP"] as const;
export type StepAnchor = (typeof STEP_ANCHORS)[number];
export const STEP_ANCHOR_LABELS: Record<StepAnchor, string> = {
  JOB_DATE: "after the job date",
  PREVIOUS_STEP: "after the previous step",
};

export type StepInput = { name: string; offsetDays: number; anchor: StepAnchor };

const MAX_STEPS = 30;
const MAX_OFFSET = 730;
const list = z.array(z.string().max(500)).default([]);

// Every field is checked in one pass, so the form shows all its problems at once.
const templateFields = z.object({
  name: z.string().max(500).default(""),
  stepName: list,
  stepOffset: list,
  stepAnchor: list,
});

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
    return { name: stepName, offsetDays, anchor };
  });
  return { name, steps };
}

/** The builder posts one entry per step in parallel arrays: stepName[], stepOffset[], stepAnchor[]. */
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
