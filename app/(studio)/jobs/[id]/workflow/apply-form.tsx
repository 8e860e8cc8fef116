"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { applyWorkflowToJob } from "./actions";

export function ApplyWorkflowForm({ jobId, templates }: { jobId: string; templates: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(applyWorkflowToJob, initialActionState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <SelectField label="Workflow" name="templateId" defaultValue={state.values?.templateId ?? ""} errors={state.fieldErrors?.templateId}>
        <option value="">Choose a workflow…</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? "Applying…" : "Apply workflow"}
      </Button>
    </form>
  );
}
