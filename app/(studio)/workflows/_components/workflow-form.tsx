"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { type ActionState, initialActionState } from "@/lib/action-state";
import { STEP_ANCHOR_LABELS, STEP_ANCHORS, type StepAnchor } from "@/lib/workflows/schemas";

type Draft = { key: number; name: string; offsetDays: string; anchor: StepAnchor };
type Step = { name: string; offsetDays: number; anchor: StepAnchor };

let nextKey = 0;
const toDraft = (s: Step): Draft => ({ key: nextKey++, name: s.name, offsetDays: String(s.offsetDays), anchor: s.anchor });
const blank = (first: boolean): Draft => ({ key: nextKey++, name: "", offsetDays: "7", anchor: first ? "JOB_DATE" : "PREVIOUS_STEP" });

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  templateId?: string;
  name?: string;
  steps?: Step[];
  submitLabel: string;
};

/** The step builder. Inputs are controlled, so a failed save keeps every step as typed. */
export function WorkflowForm({ action, templateId, name: initialName = "", steps = [], submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [name, setName] = useState(initialName);
  const [drafts, setDrafts] = useState<Draft[]>(() => (steps.length ? steps.map(toDraft) : [blank(true)]));
  const update = (key: number, patch: Partial<Draft>) => setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <FormMessage state={state} />
      {templateId ? <input type="hidden" name="templateId" value={templateId} /> : null}
      <TextField label="Workflow name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={state.fieldErrors?.name} hint='For example "Leather Album".' />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Steps, in order</legend>
        {state.fieldErrors?.steps?.length ? (
          <ul role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.fieldErrors.steps.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {drafts.map((d, i) => (
          <div key={d.key} className="grid items-end gap-3 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[1fr_7rem_14rem_auto]">
            <TextField label={`Step ${i + 1} name`} name="stepName[]" value={d.name} onChange={(e) => update(d.key, { name: e.target.value })} />
            <TextField label={`Step ${i + 1} days`} name="stepOffset[]" inputMode="numeric" value={d.offsetDays} onChange={(e) => update(d.key, { offsetDays: e.target.value })} />
            <SelectField label={`Step ${i + 1} counted`} name="stepAnchor[]" value={d.anchor} onChange={(e) => update(d.key, { anchor: e.target.value as StepAnchor })}>
              {STEP_ANCHORS.map((a) => (
                <option key={a} value={a}>
                  {STEP_ANCHOR_LABELS[a]}
                </option>
              ))}
            </SelectField>
            <div className="flex gap-1">
              <Button type="button" variant="ghost" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move step ${i + 1} up`}>
                ↑
              </Button>
              <Button type="button" variant="ghost" onClick={() => move(i, 1)} disabled={i === drafts.length - 1} aria-label={`Move step ${i + 1} down`}>
                ↓
              </Button>
              <Button type="button" variant="ghost" onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))} aria-label={`Remove step ${i + 1}`}>
                ✕
              </Button>
            </div>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setDrafts((list) => [...list, blank(list.length === 0)])}>
          Add a step
        </Button>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
