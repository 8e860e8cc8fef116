"use client";

import Link from "next/link";
import { type ReactNode } from "react";
import { FormToken } from "@/components/ui/form-token";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  jobId: string;
  templates: { id: string; name: string }[];
  /** What a template is called here, e.g. "Workflow" or "Questionnaire". */
  noun: string;
  submitLabel: string;
  pendingLabel: string;
  /** Where the studio creates its first template when it has none. */
  createHref: string;
  /** Shown above the form once there is a template to pick. */
  intro?: ReactNode;
};

/** Picks one of the studio's templates for a job and submits it (send a questionnaire, apply a workflow). */
export function JobTemplateForm({
  action: run,
  jobId,
  templates,
  noun,
  submitLabel,
  pendingLabel,
  createHref,
  intro,
}: Props) {
  const [state, action, pending] = useFormAction(run);
  if (templates.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        You have no {noun.toLowerCase()}s yet.{" "}
        <Link href={createHref} className="text-brand-600 hover:underline">
          Create one
        </Link>
        .
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      {intro}
      <FormToken state={state} />
      <FormMessage state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <SelectField
        label={noun}
        name="templateId"
        defaultValue={state.values?.templateId ?? ""}
        errors={state.fieldErrors?.templateId}
      >
        <option value="">Choose a {noun.toLowerCase()}…</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
