"use client";

import { FormToken } from "@/components/ui/form-token";
import { useActionState } from "react";
import { BrandSelect } from "@/components/brands/brand-select";
import { EventTypeField } from "@/components/pipeline/event-type-field";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { createLeadAction } from "../actions";

type Props = { brands: { id: string; name: string }[]; defaultBrandId?: string };

export function LeadForm({ brands, defaultBrandId }: Props) {
  const [state, action, pending] = useActionState(createLeadAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
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
      <BrandSelect brands={brands} defaultValue={v.brandId ?? defaultBrandId} errors={e.brandId} />
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
