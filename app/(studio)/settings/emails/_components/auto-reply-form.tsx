"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { saveAutoReplyAction, sendAutoReplyTestAction } from "../actions";

type Props = { brandId: string; brandName: string; isEnabled: boolean; subject: string; body: string };

/**
 * One brand's inquiry auto-reply: on or off, its subject and its message with smart fields. "Send
 * me a test" mails the wording as typed, with example values, to the member; nothing is saved.
 */
export function AutoReplyForm({ brandId, brandName, isEnabled, subject, body }: Props) {
  const [saved, save, saving] = useActionState(saveAutoReplyAction, initialActionState);
  const [tested, test, testing] = useActionState(sendAutoReplyTestAction, initialActionState);
  // The outcome shown is the last button's.
  const [last, setLast] = useState<"save" | "test">("save");
  const s = last === "save" ? saved : tested;
  const busy = saving || testing;
  return (
    <form action={save} className="space-y-4" noValidate>
      <FormMessage state={s} />
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
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy} onClick={() => setLast("save")}>
          {saving ? "Saving…" : `Save ${brandName}'s auto-reply`}
        </Button>
        <Button type="submit" variant="secondary" formAction={test} disabled={busy} onClick={() => setLast("test")}>
          {testing ? "Sending…" : "Send me a test"}
        </Button>
      </div>
    </form>
  );
}
