"use client";

import { SelectField } from "@/components/ui/field";

/** A saved email an email can start from (Emails → Saved emails). */
export type StartingPoint = { id: string; name: string; subject: string; body: string };

type Props = {
  label: string;
  /** Sent with the form but not read: the pick is copied into the email's own fields. */
  name: string;
  saved: StartingPoint[];
  /** Whether something is written already (then the member is asked before it is replaced). */
  written: (form: HTMLFormElement | null) => boolean;
  onPick: (chosen: StartingPoint, form: HTMLFormElement | null) => void;
  hint: string;
};

/** "Start from a saved email": copies its subject and message in, to send as is or change first. */
export function SavedEmailPicker({ label, name, saved, written, onPick, hint }: Props) {
  return (
    <SelectField
      label={label}
      name={name}
      value=""
      onChange={(event) => {
        const form = event.target.closest("form");
        const chosen = saved.find((e) => e.id === event.target.value);
        if (!chosen) return;
        if (written(form) && !window.confirm(`Replace what you wrote with “${chosen.name}”?`)) return;
        onPick(chosen, form);
      }}
      hint={hint}
    >
      <option value="">Choose a saved email…</option>
      {saved.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
        </option>
      ))}
    </SelectField>
  );
}
