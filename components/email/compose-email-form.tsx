"use client";

import { useState, type SyntheticEvent } from "react";
import { EmailPreview } from "@/components/email/email-preview";
import { ActionForm } from "@/components/ui/action-form";
import { TextArea, TextField } from "@/components/ui/field";
import { SavedEmailPicker, type StartingPoint } from "@/components/email/saved-email-picker";
import { type ActionState } from "@/lib/action-state";

type Field = { key: string; label: string; value: string | null };

/** The form's subject or message box. */
const field = (form: HTMLFormElement | null, name: "subject" | "body") =>
  form?.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Exactly one: the lead, the job or the client the email is about. */
  about: { leadId: string } | { jobId: string } | { contactId: string };
  clientName: string;
  to: string | null;
  sender: string;
  /** The smart fields this email can use, with what each says for this lead, job or client now. */
  fields: Field[];
  /** The studio's saved emails written to this kind of client. */
  saved?: StartingPoint[];
};

/** Write an email to the client of a lead, a job, or a client's own page, with smart fields shown as they will read. */
export function ComposeEmailForm({ action, about, clientName, to, sender, fields, saved = [] }: Props) {
  const [wording, setWording] = useState({ subject: "", body: "" });
  // The preview follows the form's fields as typed, and empties with them once the email is sent
  // (the form resets after its "reset" event, hence the read a moment later).
  const follow = (event: SyntheticEvent) => {
    const form = (event.target as HTMLElement).closest("form");
    if (!form) return;
    const read = () =>
      setWording({
        subject: (form.elements.namedItem("subject") as HTMLInputElement | null)?.value ?? "",
        body: (form.elements.namedItem("body") as HTMLTextAreaElement | null)?.value ?? "",
      });
    if (event.type === "reset") setTimeout(read, 0);
    else read();
  };
  if (!to) return <p className="text-sm text-slate-600">{clientName} has no email address yet.</p>;
  return (
    <div className="space-y-4" onInput={follow} onReset={follow}>
      <p className="text-sm text-slate-600">
        To {clientName}, from {sender}; replies come to you.
      </p>
      <ActionForm action={action} submitLabel={`Send email to ${clientName}`}>
        {(s) => (
          <>
            {Object.entries(about).map(([name, id]) => (
              <input key={name} type="hidden" name={name} value={id} />
            ))}
            {saved.length ? (
              <SavedEmailPicker
                label="Start from a saved email"
                name="startFrom"
                saved={saved}
                written={(form) => Boolean(field(form, "subject")?.value.trim() || field(form, "body")?.value.trim())}
                onPick={(chosen, form) => {
                  const [subject, body] = [field(form, "subject"), field(form, "body")];
                  if (subject) subject.value = chosen.subject;
                  if (body) body.value = chosen.body;
                  setWording({ subject: chosen.subject, body: chosen.body });
                }}
                hint="Its wording goes in below; change anything for this client before you send."
              />
            ) : null}
            <TextField
              label="Subject"
              name="subject"
              defaultValue={s.ok ? "" : s.values?.subject}
              errors={s.fieldErrors?.subject}
              maxLength={200}
            />
            <TextArea
              label="Message"
              name="body"
              rows={6}
              defaultValue={s.ok ? "" : s.values?.body}
              errors={s.fieldErrors?.body}
              hint="Paragraphs at blank lines. Smart fields such as {{client.first_name}} are filled in as listed below."
            />
          </>
        )}
      </ActionForm>
      <EmailPreview subject={wording.subject} body={wording.body} fields={fields} />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Smart fields and what they say here</summary>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
          {fields.map((f) => (
            <div key={f.key} className="flex flex-wrap gap-x-2">
              <dt className="font-mono text-xs text-slate-700">{`{{${f.key}}}`}</dt>
              <dd className="text-slate-900">{f.value ?? <span className="text-slate-500">nothing yet</span>}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
