"use client";

import { DraftListForm } from "@/components/ui/draft-list";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { type ActionState } from "@/lib/action-state";
import { SavedEmailPicker, type StartingPoint } from "@/components/email/saved-email-picker";
import {
  STEP_ANCHOR_LABELS,
  STEP_ANCHORS,
  STEP_KIND_LABELS,
  STEP_KINDS,
  type StepAnchor,
  type StepInput,
  type StepKind,
} from "@/lib/workflows/steps";

type Draft = { name: string; offsetDays: string; anchor: StepAnchor; kind: StepKind; subject: string; body: string };
type Step = StepInput;

const toDraft = (s: Step): Draft => ({
  name: s.name,
  offsetDays: String(s.offsetDays),
  anchor: s.anchor,
  kind: s.kind,
  subject: s.emailSubject ?? "",
  body: s.emailBody ?? "",
});
const blank = (isFirst: boolean): Draft => ({
  name: "",
  offsetDays: "7",
  anchor: isFirst ? "JOB_DATE" : "PREVIOUS_STEP",
  kind: "TASK",
  subject: "",
  body: "",
});

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  templateId?: string;
  name?: string;
  steps?: Step[];
  submitLabel: string;
  /** The studio's saved emails to a job's client, which an email step can start from. */
  saved?: StartingPoint[];
};

/** The step builder: each step is a task for the studio or an email to the job's client. */
export function WorkflowForm({ action, templateId, name = "", steps = [], submitLabel, saved = [] }: Props) {
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
      itemClassName="grid items-end gap-3 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[11rem_1fr_6rem_13rem_auto]"
    >
      {(d, { index, update, controls }) => {
        const n = index + 1;
        return (
          <>
            <SelectField
              label={`Step ${n} is`}
              name="stepKind[]"
              value={d.kind}
              onChange={(e) => update({ kind: e.target.value as StepKind })}
            >
              {STEP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {STEP_KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
            <TextField
              label={`Step ${n} name`}
              name="stepName[]"
              value={d.name}
              onChange={(e) => update({ name: e.target.value })}
            />
            <TextField
              label={`Step ${n} days`}
              name="stepOffset[]"
              inputMode="numeric"
              value={d.offsetDays}
              onChange={(e) => update({ offsetDays: e.target.value })}
            />
            <SelectField
              label={`Step ${n} counted`}
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
            {d.kind === "EMAIL" ? (
              <div className="space-y-3 sm:col-span-full">
                {saved.length ? (
                  <SavedEmailPicker
                    label={`Step ${n} starts from`}
                    name="stepStartFrom[]"
                    saved={saved}
                    written={() => Boolean(d.subject.trim() || d.body.trim())}
                    onPick={(chosen) =>
                      update({ name: d.name || chosen.name, subject: chosen.subject, body: chosen.body })
                    }
                    hint="A saved email's wording goes in below, to change here as you like."
                  />
                ) : null}
                <TextField
                  label={`Step ${n} email subject`}
                  name="stepSubject[]"
                  value={d.subject}
                  onChange={(e) => update({ subject: e.target.value })}
                />
                <TextArea
                  label={`Step ${n} email message`}
                  name="stepBody[]"
                  rows={6}
                  value={d.body}
                  onChange={(e) => update({ body: e.target.value })}
                  hint="Goes to the job's client at 9 am on the step's day, studio time. Smart fields such as {{client.first_name}} and {{job.date}} are filled in when it goes."
                />
              </div>
            ) : (
              <>
                <input type="hidden" name="stepSubject[]" value="" />
                <input type="hidden" name="stepBody[]" value="" />
              </>
            )}
          </>
        );
      }}
    </DraftListForm>
  );
}
