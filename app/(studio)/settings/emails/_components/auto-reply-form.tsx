"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextArea, TextField } from "@/components/ui/field";
import { saveAutoReplyAction } from "../actions";

type Props = { brandId: string; brandName: string; isEnabled: boolean; subject: string; body: string };

/** One brand's inquiry auto-reply: on or off, its subject and its message with smart fields. */
export function AutoReplyForm({ brandId, brandName, isEnabled, subject, body }: Props) {
  return (
    <ActionForm action={saveAutoReplyAction} submitLabel={`Save ${brandName}'s auto-reply`}>
      {(s) => (
        <>
          <input type="hidden" name="brandId" value={brandId} />
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="isEnabled"
              defaultChecked={s.values ? s.values.isEnabled === "on" : isEnabled}
              className="h-4 w-4 rounded border-slate-300"
            />
            Reply automatically to every inquiry for {brandName}
          </label>
          <TextField
            label="Subject"
            name="subject"
            defaultValue={s.values?.subject ?? subject}
            errors={s.fieldErrors?.subject}
          />
          <TextArea
            label="Message"
            name="body"
            rows={8}
            defaultValue={s.values?.body ?? body}
            errors={s.fieldErrors?.body}
            hint="Paragraphs are separated by a blank line. Smart fields such as {{client.first_name}} are filled in for each inquiry."
          />
        </>
      )}
    </ActionForm>
  );
}
