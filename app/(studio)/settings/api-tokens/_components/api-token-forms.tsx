"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { API_TOKEN_SCOPE_LABELS } from "@/lib/api-tokens/schemas";
import { createApiTokenAction, revokeApiTokenAction } from "../actions";

export function CreateApiTokenForm() {
  return (
    <ActionForm action={createApiTokenAction} submitLabel="Create token">
      {(s) => (
        <>
          {s.ok && s.secret ? (
            <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
              <label htmlFor="new-api-token" className="block text-sm font-medium">
                Your new API token
              </label>
              <input
                id="new-api-token"
                readOnly
                value={s.secret}
                className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
                onFocus={(e) => e.currentTarget.select()}
              />
            </div>
          ) : null}
          <TextField
            label="Token name"
            name="name"
            hint="Where you will use it, such as Website or Accounting."
            defaultValue={s.ok ? "" : s.values?.name}
            errors={s.fieldErrors?.name}
          />
          <SelectField
            label="Access"
            name="scope"
            defaultValue={s.ok ? "READ" : (s.values?.scope ?? "READ")}
            errors={s.fieldErrors?.scope}
          >
            {Object.entries(API_TOKEN_SCOPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeApiTokenForm({ apiTokenId, name }: { apiTokenId: string; name: string }) {
  return (
    <ActionForm
      action={revokeApiTokenAction}
      submitLabel={`Revoke ${name}`}
      variant="danger"
      className="flex items-center gap-2"
    >
      {() => <input type="hidden" name="apiTokenId" value={apiTokenId} />}
    </ActionForm>
  );
}
