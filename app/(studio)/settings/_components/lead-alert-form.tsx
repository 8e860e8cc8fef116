"use client";

import { ActionForm } from "@/components/ui/action-form";
import { type LeadAlertChoice } from "@/lib/lead-alerts/schemas";
import { updateLeadAlertAction } from "../actions";

const CHOICES: { value: LeadAlertChoice; label: string; hint: string }[] = [
  {
    value: "INSTANT",
    label: "Each inquiry",
    hint: "An email within a minute of every new inquiry; reply to it to answer the client.",
  },
  {
    value: "DAILY",
    label: "Daily digest",
    hint: "One email at 8:00 in the studio's time zone listing the day's inquiries.",
  },
  { value: "OFF", label: "Off", hint: "No email; new inquiries still show on the dashboard and in Leads." },
];

/** How this member hears of new inquiries by email. */
export function LeadAlertForm({ leadAlert }: { leadAlert: LeadAlertChoice }) {
  return (
    <ActionForm action={updateLeadAlertAction} submitLabel="Save email alerts">
      {(s) => {
        const chosen = (s.values?.leadAlert as LeadAlertChoice | undefined) ?? leadAlert;
        const errors = s.fieldErrors?.leadAlert;
        return (
          <fieldset className="space-y-3" aria-describedby={errors?.length ? "lead-alert-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">Email me about new inquiries</legend>
            {CHOICES.map((choice) => (
              <label key={choice.value} className="flex items-start gap-3 text-sm">
                <input
                  type="radio"
                  name="leadAlert"
                  value={choice.value}
                  defaultChecked={chosen === choice.value}
                  className="mt-1"
                  aria-describedby={`lead-alert-${choice.value}-hint`}
                />
                <span>
                  <span className="font-medium text-slate-900">{choice.label}</span>
                  <span id={`lead-alert-${choice.value}-hint`} className="block text-slate-600">
                    {choice.hint}
                  </span>
                </span>
              </label>
            ))}
            {errors?.length ? (
              <p id="lead-alert-error" className="text-sm text-red-600" role="alert">
                {errors.join(" ")}
              </p>
            ) : null}
          </fieldset>
        );
      }}
    </ActionForm>
  );
}
