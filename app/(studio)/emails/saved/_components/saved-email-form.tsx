"use client";

import { useState } from "react";
import { EmailPreview } from "@/components/email/email-preview";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { type ActionState } from "@/lib/action-state";
import {
  SAVED_EMAIL_FOR,
  SAVED_EMAIL_FOR_LABELS,
  savedEmailContext,
  type SavedEmailFor,
} from "@/lib/saved-emails/schemas";
import { TEMPLATE_CONTEXTS } from "@/lib/templates/fields";
import { SmartFieldList } from "@/components/email/smart-field-list";

type Wording = { name: string; about: SavedEmailFor; subject: string; body: string };

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  savedEmailId?: string;
  initial?: Wording;
  submitLabel: string;
};

/** A saved email's name, whom it is written to, its wording, and a preview with example values. */
export function SavedEmailForm({ action, savedEmailId, initial, submitLabel }: Props) {
  const [wording, setWording] = useState<Wording>(initial ?? { name: "", about: "JOB", subject: "", body: "" });
  const set = (change: Partial<Wording>) => setWording((w) => ({ ...w, ...change }));
  const fields = TEMPLATE_CONTEXTS[savedEmailContext(wording.about)].fields;
  return (
    <div className="space-y-6">
      <ActionForm action={action} submitLabel={submitLabel} isCreate={!savedEmailId}>
        {(s) => (
          <>
            {savedEmailId ? <input type="hidden" name="savedEmailId" value={savedEmailId} /> : null}
            <TextField
              label="Name"
              name="name"
              value={wording.name}
              onChange={(e) => set({ name: e.target.value })}
              errors={s.fieldErrors?.name}
              maxLength={120}
              hint='What you pick it by, for example "What to wear".'
            />
            <SelectField
              label="Written to"
              name="about"
              value={wording.about}
              onChange={(e) => set({ about: e.target.value as SavedEmailFor })}
              errors={s.fieldErrors?.about}
              hint="Each has its own smart fields: a job's date and proposal, what the inquiry asked about, or only the client's name (an email from the client's page)."
            >
              {SAVED_EMAIL_FOR.map((a) => (
                <option key={a} value={a}>
                  {SAVED_EMAIL_FOR_LABELS[a]}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Subject"
              name="subject"
              value={wording.subject}
              onChange={(e) => set({ subject: e.target.value })}
              errors={s.fieldErrors?.subject}
              maxLength={200}
            />
            <TextArea
              label="Message"
              name="body"
              rows={8}
              value={wording.body}
              onChange={(e) => set({ body: e.target.value })}
              errors={s.fieldErrors?.body}
              hint="Paragraphs at blank lines. Smart fields such as {{client.first_name}} are filled in for each client when you send it."
            />
          </>
        )}
      </ActionForm>
      <EmailPreview
        subject={wording.subject}
        body={wording.body}
        fields={fields.map((f) => ({ key: f.key, label: f.label, value: f.example }))}
      />
      <SmartFieldList fields={fields} />
    </div>
  );
}
