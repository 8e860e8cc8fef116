"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/field";
import { createContractAction } from "../actions";

export function NewContractForm({ jobId, templates }: { jobId: string; templates: { id: string; name: string }[] }) {
  return (
    <ActionForm action={createContractAction} submitLabel="Create draft contract">
      {(s) => (
        <>
          <input type="hidden" name="jobId" value={jobId} />
          <SelectField
            label="Template"
            name="templateId"
            defaultValue={s.values?.templateId ?? templates[0]?.id}
            errors={s.fieldErrors?.templateId}
          >
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </ActionForm>
  );
}
