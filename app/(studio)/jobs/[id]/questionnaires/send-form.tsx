"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { sendQuestionnaireToClient } from "./actions";

export function SendQuestionnaireForm({ jobId, templates }: { jobId: string; templates: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(sendQuestionnaireToClient, initialActionState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <SelectField label="Questionnaire" name="templateId" defaultValue={state.values?.templateId ?? ""} errors={state.fieldErrors?.templateId}>
        <option value="">Choose a questionnaire…</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send questionnaire"}
      </Button>
    </form>
  );
}
