"use client";

import { FormToken } from "@/components/ui/form-token";
import { BrandSelect } from "@/components/brands/brand-select";
import { EventTypeField } from "@/components/pipeline/event-type-field";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { createLeadAction, updateLeadAction } from "../actions";

type Values = {
  name: string;
  email: string;
  phone: string;
  eventType: string;
  eventDate: string;
  brandId: string;
  message: string;
};

type Props = { brands: { id: string; name: string }[] } & (
  { mode: "create"; defaultBrandId?: string } | { mode: "edit"; leadId: string; defaults: Values }
);

/** A new lead typed in by hand, or every field of an existing one. */
export function LeadForm(props: Props) {
  const { brands } = props;
  const [state, action, pending] = useFormAction(props.mode === "create" ? createLeadAction : updateLeadAction);
  const saved: Partial<Values> = props.mode === "edit" ? props.defaults : { brandId: props.defaultBrandId };
  const v = { ...saved, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      {props.mode === "edit" ? <input type="hidden" name="leadId" value={props.leadId} /> : null}
      <TextField label="Name" name="name" defaultValue={v.name} errors={e.name} />
      <TextField label="Email" name="email" type="email" defaultValue={v.email} errors={e.email} />
      <TextField label="Phone" name="phone" type="tel" defaultValue={v.phone} errors={e.phone} hint="Optional" />
      <EventTypeField
        label="Event type"
        name="eventType"
        defaultValue={v.eventType}
        errors={e.eventType}
        hint="Wedding, portrait, event, commercial, or your own."
      />
      <TextField
        label="Event date"
        name="eventDate"
        type="date"
        defaultValue={v.eventDate}
        errors={e.eventDate}
        hint="Optional"
      />
      <BrandSelect brands={brands} defaultValue={v.brandId || undefined} errors={e.brandId} />
      <TextArea
        label="Message"
        name="message"
        defaultValue={v.message}
        errors={e.message}
        hint="Optional: what they asked for."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save lead"}
      </Button>
    </form>
  );
}
