"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { type ActionState, initialActionState } from "@/lib/action-state";
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type Question, type QuestionKind } from "@/lib/questionnaires/schemas";

type Draft = { key: number; id: string; kind: QuestionKind; label: string; options: string };

let nextKey = 0;
const toDraft = (q: Question): Draft => ({ key: nextKey++, id: q.id, kind: q.kind, label: q.label, options: (q.options ?? []).join("\n") });
const blank = (): Draft => ({ key: nextKey++, id: "", kind: "short", label: "", options: "" });

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  templateId?: string;
  name?: string;
  questions?: Question[];
  submitLabel: string;
};

/** The question builder. Inputs are controlled, so a failed save keeps every question as typed. */
export function TemplateForm({ action, templateId, name: initialName = "", questions = [], submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [name, setName] = useState(initialName);
  const [drafts, setDrafts] = useState<Draft[]>(() => (questions.length ? questions.map(toDraft) : [blank()]));

  const update = (key: number, patch: Partial<Draft>) => setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const remove = (key: number) => setDrafts((list) => list.filter((d) => d.key !== key));
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
      <TextField label="Questionnaire name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={state.fieldErrors?.name} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Questions</legend>
        {state.fieldErrors?.questions?.length ? (
          <ul role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.fieldErrors.questions.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {drafts.map((d, i) => (
          <div key={d.key} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
            <input type="hidden" name="questionId[]" value={d.id} />
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <TextField label={`Question ${i + 1}`} name="questionLabel[]" value={d.label} onChange={(e) => update(d.key, { label: e.target.value })} />
              <SelectField label={`Answer type for question ${i + 1}`} name="questionKind[]" value={d.kind} onChange={(e) => update(d.key, { kind: e.target.value as QuestionKind })}>
                {QUESTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {QUESTION_KIND_LABELS[k]}
                  </option>
                ))}
              </SelectField>
            </div>
            {d.kind === "choice" ? (
              <TextArea
                label={`Options for question ${i + 1}`}
                name="questionOptions[]"
                rows={3}
                value={d.options}
                onChange={(e) => update(d.key, { options: e.target.value })}
                hint="One option per line."
              />
            ) : (
              <input type="hidden" name="questionOptions[]" value="" />
            )}
            <div className="flex gap-2">
              <Button type="button" variant="ghost" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move question ${i + 1} up`}>
                ↑
              </Button>
              <Button type="button" variant="ghost" onClick={() => move(i, 1)} disabled={i === drafts.length - 1} aria-label={`Move question ${i + 1} down`}>
                ↓
              </Button>
              <Button type="button" variant="ghost" onClick={() => remove(d.key)} aria-label={`Remove question ${i + 1}`}>
                Remove
              </Button>
            </div>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setDrafts((list) => [...list, blank()])}>
          Add a question
        </Button>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
