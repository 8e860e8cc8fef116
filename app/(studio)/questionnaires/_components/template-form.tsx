"use client";

import { DraftListForm } from "@/components/ui/draft-list";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { type ActionState } from "@/lib/action-state";
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type Question, type QuestionKind } from "@/lib/questionnaires/schemas";

type Draft = { id: string; kind: QuestionKind; label: string; options: string };

const toDraft = (q: Question): Draft => ({
  id: q.id,
  kind: q.kind,
  label: q.label,
  options: (q.options ?? []).join("\n"),
});
const blank = (): Draft => ({ id: "", kind: "short", label: "", options: "" });

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  templateId?: string;
  name?: string;
  questions?: Question[];
  submitLabel: string;
};

/** The question builder. */
export function TemplateForm({ action, templateId, name = "", questions = [], submitLabel }: Props) {
  return (
    <DraftListForm
      action={action}
      templateId={templateId}
      name={name}
      nameLabel="Questionnaire name"
      listField="questions"
      submitLabel={submitLabel}
      legend="Questions"
      initial={questions.map(toDraft)}
      blank={blank}
      noun="question"
      addLabel="Add a question"
      removeLabel="Remove"
      itemClassName="space-y-3 rounded-md p-3 ring-1 ring-slate-200"
    >
      {(d, { index, update, controls }) => (
        <>
          <input type="hidden" name="questionId[]" value={d.id} />
          <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
            <TextField
              label={`Question ${index + 1}`}
              name="questionLabel[]"
              value={d.label}
              onChange={(e) => update({ label: e.target.value })}
            />
            <SelectField
              label={`Answer type for question ${index + 1}`}
              name="questionKind[]"
              value={d.kind}
              onChange={(e) => update({ kind: e.target.value as QuestionKind })}
            >
              {QUESTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {QUESTION_KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
          </div>
          {d.kind === "choice" ? (
            <TextArea
              label={`Options for question ${index + 1}`}
              name="questionOptions[]"
              rows={3}
              value={d.options}
              onChange={(e) => update({ options: e.target.value })}
              hint="One option per line."
            />
          ) : (
            <input type="hidden" name="questionOptions[]" value="" />
          )}
          {controls}
        </>
      )}
    </DraftListForm>
  );
}
