"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { JOB_TYPES } from "@/lib/jobs/schemas";
import { convertLeadAction } from "../actions";

type Props = {
  leadId: string;
  defaults: { title: string; type: string; date: string; brandId?: string };
  brands: { id: string; name: string }[];
};

/** The lead's person becomes a client and the inquiry a job. */
export function ConvertLeadForm({ leadId, defaults, brands }: Props) {
  const [state, action, pending] = useActionState(convertLeadAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="leadId" value={leadId} />
      <TextField label="Job title" name="title" defaultValue={v.title ?? defaults.title} errors={e.title} />
      <TextField label="Job type" name="type" list="convert-job-types" defaultValue={v.type ?? defaults.type} errors={e.type} />
      <datalist id="convert-job-types">
        {JOB_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <TextField label="Job date" name="date" type="date" defaultValue={v.date ?? defaults.date} errors={e.date} hint="Optional" />
      <SelectField label="Brand" name="brandId" defaultValue={v.brandId ?? defaults.brandId ?? brands[0]?.id} errors={e.brandId}>
        {brands.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? "Converting…" : "Convert to job"}
      </Button>
    </form>
  );
}
