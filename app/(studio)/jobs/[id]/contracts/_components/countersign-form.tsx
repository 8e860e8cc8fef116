"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { countersignContractAction } from "../actions";

export function CountersignForm({ contractId, name }: { contractId: string; name: string }) {
  return (
    <ActionForm action={countersignContractAction} submitLabel="Countersign">
      {(s) => (
        <>
          <input type="hidden" name="contractId" value={contractId} />
          <TextField
            label="Your full name"
            name="name"
            autoComplete="name"
            defaultValue={s.values?.name ?? name}
            errors={s.fieldErrors?.name}
          />
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="consent"
              className="mt-0.5 h-4 w-4 rounded border-slate-300"
              aria-invalid={s.fieldErrors?.consent ? true : undefined}
            />
            <span>I agree to sign electronically on behalf of the studio</span>
          </label>
          {s.fieldErrors?.consent ? (
            <p role="alert" className="text-sm text-red-600">
              {s.fieldErrors.consent.join(" ")}
            </p>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
