"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { answerField, type Question } from "@/lib/questionnaires/schemas";
import { answerQuestionnaireAction } from "./actions";

function ChoiceQuestion({ question, value, errors }: { question: Question; value: string; errors?: string[] }) {
  const id = useId();
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{question.label}</legend>
      {(question.options ?? []).map((option) => (
        <label key={option} className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" name={answerField(question.id)} value={option} defaultChecked={value === option} />
          {option}
        </label>
      ))}
      {errors?.length ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function AnswerForm({
  token,
  questions,
  answers,
}: {
  token: string;
  questions: Question[];
  answers: Record<string, string>;
}) {
  const [state, action, pending] = useFormAction(answerQuestionnaireAction);
  const valueOf = (q: Question) => state.values?.[answerField(q.id)] ?? answers[q.id] ?? "";
  return (
    <form action={action} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {questions.map((q) => {
        const name = answerField(q.id);
        const errors = state.fieldErrors?.[name];
        if (q.kind === "choice") return <ChoiceQuestion key={q.id} question={q} value={valueOf(q)} errors={errors} />;
        if (q.kind === "long")
          return (
            <TextArea
              key={q.id}
              label={q.label}
              name={name}
              defaultValue={valueOf(q)}
              errors={errors}
              maxLength={5000}
            />
          );
        return (
          <TextField
            key={q.id}
            label={q.label}
            name={name}
            type={q.kind === "date" ? "date" : "text"}
            defaultValue={valueOf(q)}
            errors={errors}
            maxLength={q.kind === "date" ? undefined : 500}
          />
        );
      })}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
          Save and finish later
        </Button>
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          Submit answers
        </Button>
        <p className="text-xs text-slate-500">Once submitted, your answers can no longer be changed.</p>
      </div>
    </form>
  );
}
