"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { type EditableEmailKind } from "@/lib/email-templates/editable";
import { saveEmailTemplateAction, sendEmailTemplateTestAction } from "../actions";

type Props = {
  kind: EditableEmailKind;
  /** "auto-reply": "Save Portraits by Test's auto-reply". */
  noun: string;
  /** The on/off checkbox's sentence, for an email a brand may turn off. */
  turnOffLabel?: string;
  brandId: string;
  brandName: string;
  isEnabled: boolean;
  subject: string;
  body: string;
};

/**
 * One brand's wording of one email: its subject and message with smart fields, and on or off
 * where it may be. "Send me a test" mails the wording as typed, with example values, to the
 * member; nothing is saved.
 */
export function EmailTemplateForm({ kind, noun, turnOffLabel, brandId, brandName, isEnabled, subject, body }: Props) {
  const [saved, save, saving] = useFormAction(saveEmailTemplateAction);
  const [tested, test, testing] = useFormAction(sendEmailTemplateTestAction);
  // The outcome shown is the last button's.
  const [last, setLast] = useState<"save" | "test">("save");
  const s = last === "save" ? saved : tested;
  const busy = saving || testing;
  return (
    <form action={save} className="space-y-4" noValidate>
      <FormMessage state={s} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="brandId" value={brandId} />
      {turnOffLabel ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="isEnabled"
            defaultChecked={s.values ? s.values.isEnabled === "on" : isEnabled}
            className="h-4 w-4 rounded border-slate-300"
          />
          {turnOffLabel}
        </label>
      ) : null}
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
        hint="Paragraphs are separated by a blank line. Smart fields such as {{client.first_name}} are filled in for each email."
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy} onClick={() => setLast("save")}>
          {saving ? "Saving…" : `Save ${brandName}'s ${noun}`}
        </Button>
        <Button type="submit" variant="secondary" formAction={test} disabled={busy} onClick={() => setLast("test")}>
          {testing ? "Sending…" : "Send me a test"}
        </Button>
      </div>
    </form>
  );
}
