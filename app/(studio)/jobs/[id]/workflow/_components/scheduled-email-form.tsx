"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextArea, TextField } from "@/components/ui/field";
import { updateScheduledEmailAction } from "../actions";

type Props = { id: string; name: string; defaults: { subject: string; body: string; sendOn: string } };

/** A scheduled email's subject, message and day, folded away until opened. */
export function ScheduledEmailForm({ id, name, defaults }: Props) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm text-brand-600 hover:underline">Edit {name}</summary>
      <ActionForm action={updateScheduledEmailAction} submitLabel="Save email" className="mt-3 space-y-3">
        {(s) => {
          const v = { ...defaults, ...s.values };
          const e = s.fieldErrors ?? {};
          return (
            <>
              <input type="hidden" name="scheduledEmailId" value={id} />
              <TextField label="Subject" name="subject" defaultValue={v.subject} errors={e.subject} />
              <TextArea
                label="Message"
                name="body"
                rows={8}
                defaultValue={v.body}
                errors={e.body}
                hint="Smart fields such as {{client.first_name}} are filled in when it goes."
              />
              <TextField
                label="Send on"
                name="sendOn"
                type="date"
                defaultValue={v.sendOn}
                errors={e.sendOn}
                hint="It goes at 9 am, studio time."
              />
            </>
          );
        }}
      </ActionForm>
    </details>
  );
}
