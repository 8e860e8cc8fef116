"use client";

import { useState } from "react";
import { TemplateEditor } from "@/components/contracts/template-editor";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { customFieldLabel, customFieldName, TEMPLATE_CONTEXTS } from "@/lib/templates/fields";
import { customFieldsOf } from "@/lib/templates/parse";
import { updateContractAction } from "../actions";

type Props = {
  contractId: string;
  title: string;
  body: string;
  customValues: Record<string, string>;
  proposalId: string | null;
  proposals: { id: string; title: string }[];
};

/** The draft's copy: its text, the values of the photographer's own fields, and how it goes out. */
export function ContractDraftForm({ contractId, title, body, customValues, proposalId, proposals }: Props) {
  const [fields, setFields] = useState(() => customFieldsOf(body));
  const [values, setValues] = useState(customValues);
  return (
    <ActionForm action={updateContractAction} submitLabel="Save draft">
      {(s) => (
        <>
          <input type="hidden" name="contractId" value={contractId} />
          <TextField
            label="Contract title"
            name="title"
            defaultValue={s.values?.title ?? title}
            errors={s.fieldErrors?.title}
          />
          <TemplateEditor
            name="body"
            label="Contract text"
            initialHtml={body}
            fields={TEMPLATE_CONTEXTS.job.fields}
            errors={s.fieldErrors?.body}
            onChange={(html) => setFields(customFieldsOf(html))}
          />
          {fields.length > 0 ? (
            <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
              <legend className="px-1 text-sm font-semibold text-slate-800">Your own fields</legend>
              {fields.map((key) => (
                <div key={key}>
                  <input type="hidden" name="customKey[]" value={key} />
                  <TextField
                    label={customFieldLabel(customFieldName(key))}
                    name="customValue[]"
                    value={values[key] ?? ""}
                    onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
                    hint={values[key]?.trim() ? undefined : "Needed before sending."}
                  />
                </div>
              ))}
            </fieldset>
          ) : null}
          {proposals.length > 0 ? (
            <SelectField
              label="Send with"
              name="proposalId"
              defaultValue={s.values?.proposalId ?? proposalId ?? ""}
              errors={s.fieldErrors?.proposalId}
              hint="Sent with a proposal, the client accepts it and signs the contract in one visit."
            >
              <option value="">Send on its own</option>
              {proposals.map((p) => (
                <option key={p.id} value={p.id}>
                  The proposal “{p.title}”
                </option>
              ))}
            </SelectField>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
