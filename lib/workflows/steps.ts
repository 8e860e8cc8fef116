// What a workflow step is, safe to import in the browser (the step builder).

export const STEP_ANCHORS = ["JOB_DATE", "PREVIOUS_STEP"] as const;
export type StepAnchor = (typeof STEP_ANCHORS)[number];
export const STEP_ANCHOR_LABELS: Record<StepAnchor, string> = {
  JOB_DATE: "after the job date",
  PREVIOUS_STEP: "after the previous step",
};

export const STEP_KINDS = ["TASK", "EMAIL"] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_KIND_LABELS: Record<StepKind, string> = {
  TASK: "A task for the studio",
  EMAIL: "An email to the client",
};

export type StepInput = {
  name: string;
  offsetDays: number;
  anchor: StepAnchor;
  kind: StepKind;
  /** An email step's wording, smart fields and all; null for a task. */
  emailSubject: string | null;
  emailBody: string | null;
};
