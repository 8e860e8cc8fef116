"use client";

import { TemplateEditor } from "@/components/contracts/template-editor";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { type ActionState } from "@/lib/action-state";
import { TEMPLATE_CONTEXTS } from "@/lib/templates/fields";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  brands: { id: string; name: string }[];
  template?: { id: string; name: string; brandId: string | null; body: string };
};

export function ContractTemplateForm({ action, submitLabel, brands, template }: Props) {
  return (
    <ActionForm action={action} submitLabel={submitLabel}>
      {(s) => (
        <>
          {template ? <input type="hidden" name="templateId" value={template.id} /> : null}
          <TextField
            label="Template name"
            name="name"
            defaultValue={s.values?.name ?? template?.name ?? ""}
            errors={s.fieldErrors?.name}
          />
          {brands.length > 1 ? (
            <SelectField
              label="Brand"
              name="brandId"
              defaultValue={s.values?.brandId ?? template?.brandId ?? ""}
              errors={s.fieldErrors?.brandId}
              hint="Offer this template for one brand's jobs, or for all of them."
            >
              <option value="">All brands</option>
              {brands.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TemplateEditor
            name="body"
            label="Contract text"
            initialHtml={template?.body ?? ""}
            fields={TEMPLATE_CONTEXTS.job.fields}
            errors={s.fieldErrors?.body}
          />
        </>
      )}
    </ActionForm>
  );
}
