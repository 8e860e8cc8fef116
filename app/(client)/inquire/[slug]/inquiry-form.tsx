"use client";

import { FormToken } from "@/components/ui/form-token";
import { BrandSelect } from "@/components/brands/brand-select";
import { EventTypeField } from "@/components/pipeline/event-type-field";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { HONEYPOT_FIELD } from "@/lib/inquiries/schemas";
import { submitInquiryAction } from "./actions";

export function InquiryForm({ slug, brands }: { slug: string; brands: { id: string; name: string }[] }) {
  const [state, action, pending] = useFormAction(submitInquiryAction);
  if (state.ok) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
        {state.message}
      </p>
    );
  }
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      <input type="hidden" name="slug" value={slug} />
      <TextField label="Your name" name="name" autoComplete="name" defaultValue={v.name} errors={e.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={v.email} errors={e.email} />
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={v.phone}
        errors={e.phone}
        hint="Optional"
      />
      <EventTypeField
        label="Type of event"
        name="eventType"
        defaultValue={v.eventType}
        errors={e.eventType}
        hint="Wedding, portrait, event, commercial, or your own words."
      />
      <TextField
        label="Event date"
        name="eventDate"
        type="date"
        defaultValue={v.eventDate}
        errors={e.eventDate}
        hint="Optional"
      />
      {brands.length > 1 ? (
        <BrandSelect
          brands={brands}
          label="Which service?"
          emptyOption="Not sure yet"
          defaultValue={v.brandId}
          errors={e.brandId}
        />
      ) : null}
      <TextArea
        label="Message"
        name="message"
        defaultValue={v.message}
        errors={e.message}
        hint="Optional: venue, number of guests, what you have in mind."
      />
      {/* People never see this field; bots that fill every input do. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          Leave this field empty
          <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send inquiry"}
      </Button>
    </form>
  );
}
