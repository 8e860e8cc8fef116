"use client";

import { DraftListForm } from "@/components/ui/draft-list";
import { SelectField, TextField } from "@/components/ui/field";
import { type ActionState } from "@/lib/action-state";
import { STEP_ANCHOR_LABELS, STEP_ANCHORS, type StepAnchor } from "@/lib/workflows/schemas";

type Draft = { name: string; offsetDays: string; anchor: StepAnchor };
type Step = { name: string; offsetDays: number; anchor: StepAnchor };

const toDraft = (s: Step): Draft => ({ name: s.name, offsetDays: String(s.offsetDays), anchor: s.anchor });
const blank = (isFirst: boolean): Draft => ({
  name: "",
  offsetDays: "7",
  anchor: isFirst ? "JOB_DATE" : "PREVIOUS_STEP",
});

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  templateId?: string;
  name?: string;
  steps?: Step[];
  submitLabel: string;
};

/** The step builder. */
export function WorkflowForm({ action, templateId, name = "", steps = [], submitLabel }: Props) {
  return (
    <DraftListForm
      action={action}
      templateId={templateId}
      name={name}
      nameLabel="Workflow name"
      nameHint='For example "Leather Album".'
      listField="steps"
      submitLabel={submitLabel}
      legend="Steps, in order"
      initial={steps.map(toDraft)}
      blank={blank}
      noun="step"
      addLabel="Add a step"
      removeLabel="✕"
      itemClassName="grid items-end gap-3 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[1fr_7rem_14rem_auto]"
    >
      {(d, { index, update, controls }) => (
        <>
          <TextField
            label={`Step ${index + 1} name`}
            name="stepName[]"
            value={d.name}
            onChange={(e) => update({ name: e.target.value })}
          />
          <TextField
            label={`Step ${index + 1} days`}
            name="stepOffset[]"
            inputMode="numeric"
            value={d.offsetDays}
            onChange={(e) => update({ offsetDays: e.target.value })}
          />
          <SelectField
            label={`Step ${index + 1} counted`}
            name="stepAnchor[]"
            value={d.anchor}
            onChange={(e) => update({ anchor: e.target.value as StepAnchor })}
          >
            {STEP_ANCHORS.map((a) => (
              <option key={a} value={a}>
                {STEP_ANCHOR_LABELS[a]}
              </option>
            ))}
          </SelectField>
          {controls}
        </>
      )}
    </DraftListForm>
  );
}
