"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextArea, TextField } from "@/components/ui/field";
import { updatePaymentSettingsAction } from "../actions";

type Props = { paymentInstructions: string; requireRetainer: boolean; reminderOffsets: number[] };

const checkbox = "h-4 w-4 rounded border-slate-300 text-brand-600";

export function PaymentSettingsForm({ paymentInstructions, requireRetainer, reminderOffsets }: Props) {
  const before = reminderOffsets.filter((o) => o < 0).map((o) => -o);
  const after = reminderOffsets.filter((o) => o > 0);
  return (
    <ActionForm action={updatePaymentSettingsAction} submitLabel="Save payment settings">
      {(s) => (
        <>
          <TextArea
            label="How to pay offline"
            name="paymentInstructions"
            defaultValue={s.values?.paymentInstructions ?? paymentInstructions}
            errors={s.fieldErrors?.paymentInstructions}
            hint="Shown on the client's invoice page when card payments are not set up: bank details, who to make checks out to…"
          />
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="requireRetainer"
              defaultChecked={s.values ? s.values.requireRetainer === "on" : requireRetainer}
              className={`mt-0.5 ${checkbox}`}
            />
            <span>
              Require the retainer before a booking counts as confirmed
              <span className="block text-xs text-slate-500">
                Accepting a proposal then takes the client straight to paying the retainer; the booking is confirmed
                once it is paid.
              </span>
            </span>
          </label>
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-700">Payment reminders to clients</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label="Days before the due date"
                name="remindBefore"
                inputMode="numeric"
                defaultValue={s.values?.remindBefore ?? before.join(", ")}
                errors={s.fieldErrors?.remindBefore}
                hint="Empty: no reminder before."
              />
              <TextField
                label="Days after the due date (overdue)"
                name="remindAfter"
                defaultValue={s.values?.remindAfter ?? after.join(", ")}
                errors={s.fieldErrors?.remindAfter}
                hint="Up to three, such as 3, 10."
              />
            </div>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="remindOnDue"
                defaultChecked={s.values ? s.values.remindOnDue === "on" : reminderOffsets.includes(0)}
                className={checkbox}
              />
              On the due date
            </label>
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}
