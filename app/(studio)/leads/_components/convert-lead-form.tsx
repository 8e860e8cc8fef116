"use client";

import { BrandSelect } from "@/components/brands/brand-select";
import { EventTypeField } from "@/components/pipeline/event-type-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { convertLeadAction } from "../actions";

type Props = {
  leadId: string;
  defaults: { title: string; type: string; date: string; brandId?: string };
  brands: { id: string; name: string }[];
};

/** The lead's person becomes a client and the inquiry a job. */
export function ConvertLeadForm({ leadId, defaults, brands }: Props) {
  const [state, action, pending] = useFormAction(convertLeadAction);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="leadId" value={leadId} />
      <TextField label="Job title" name="title" defaultValue={v.title ?? defaults.title} errors={e.title} />
      <EventTypeField label="Job type" name="type" defaultValue={v.type ?? defaults.type} errors={e.type} />
      <TextField
        label="Job date"
        name="date"
        type="date"
        defaultValue={v.date ?? defaults.date}
        errors={e.date}
        hint="Optional"
      />
      <BrandSelect brands={brands} defaultValue={v.brandId ?? defaults.brandId} errors={e.brandId} />
      <Button type="submit" disabled={pending}>
        {pending ? "Converting…" : "Convert to job"}
      </Button>
    </form>
  );
}
