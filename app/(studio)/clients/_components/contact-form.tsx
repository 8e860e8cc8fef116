"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextArea, TextField } from "@/components/ui/field";
import { updateContactAction } from "../actions";

type Values = { name: string; email: string; phone: string; address: string; notes: string };

export function ContactForm({ contactId, defaults }: { contactId: string; defaults: Values }) {
  return (
    <ActionForm action={updateContactAction} submitLabel="Save client" className="max-w-xl space-y-4">
      {(s) => {
        const v = { ...defaults, ...s.values };
        const e = s.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="contactId" value={contactId} />
            <TextField label="Name" name="name" defaultValue={v.name} errors={e.name} autoComplete="off" />
            <TextField
              label="Email"
              name="email"
              type="email"
              defaultValue={v.email}
              errors={e.email}
              autoComplete="off"
              hint="Proposals and questionnaires go here."
            />
            <TextField label="Phone" name="phone" type="tel" defaultValue={v.phone} errors={e.phone} hint="Optional" />
            <TextArea
              label="Address"
              name="address"
              rows={3}
              defaultValue={v.address}
              errors={e.address}
              hint="Optional"
            />
            <TextArea
              label="Notes"
              name="notes"
              rows={5}
              defaultValue={v.notes}
              errors={e.notes}
              hint="Only your studio sees these."
            />
          </>
        );
      }}
    </ActionForm>
  );
}
