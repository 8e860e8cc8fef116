"use client";

import { FormToken } from "@/components/ui/form-token";
import { BrandSelect } from "@/components/brands/brand-select";
import { EventTypeField } from "@/components/pipeline/event-type-field";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { createJobAction } from "../actions";
import { ClientOptions } from "./client-options";

type Props = {
  brands: { id: string; name: string }[];
  defaultBrandId?: string;
  contacts: { id: string; name: string; email: string | null }[];
  defaultContactId?: string;
};

export function JobForm({ brands, defaultBrandId, contacts, defaultContactId }: Props) {
  const [state, action, pending] = useFormAction(createJobAction);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Client</legend>
        <SelectField
          label="Existing client"
          name="contactId"
          defaultValue={v.contactId ?? defaultContactId ?? ""}
          errors={e.contactId}
        >
          <option value="">New client (enter below)</option>
          <ClientOptions contacts={contacts} />
        </SelectField>
        <TextField label="New client's name" name="contactName" defaultValue={v.contactName} errors={e.contactName} />
        <TextField
          label="New client's email"
          name="contactEmail"
          type="email"
          defaultValue={v.contactEmail}
          errors={e.contactEmail}
        />
        <TextField
          label="New client's phone"
          name="contactPhone"
          type="tel"
          defaultValue={v.contactPhone}
          errors={e.contactPhone}
          hint="Optional"
        />
      </fieldset>
      <TextField
        label="Job title"
        name="title"
        defaultValue={v.title}
        errors={e.title}
        hint="For example: Nguyen–Walsh Wedding"
      />
      <EventTypeField
        label="Job type"
        name="type"
        defaultValue={v.type}
        errors={e.type}
        hint="Wedding, portrait, event, commercial, or your own."
      />
      <TextField label="Job date" name="date" type="date" defaultValue={v.date} errors={e.date} hint="Optional" />
      <BrandSelect brands={brands} defaultValue={v.brandId ?? defaultBrandId} errors={e.brandId} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create job"}
      </Button>
    </form>
  );
}
