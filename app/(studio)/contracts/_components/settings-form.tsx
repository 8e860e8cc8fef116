"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { updateContractSettingsAction } from "../actions";

type Props = { isOwner: boolean; countersignAutomatically: boolean; contractReminderDays: number };

/** The studio's signing rules; only the owner changes them, staff read them. */
export function ContractSettingsForm({ isOwner, countersignAutomatically, contractReminderDays }: Props) {
  if (!isOwner) {
    return (
      <dl className="space-y-2 text-sm text-slate-700">
        <dt className="font-medium">Countersigning</dt>
        <dd>
          {countersignAutomatically
            ? "Automatic, as soon as the client signs."
            : "From the job's contract page, after the client signs."}
        </dd>
        <dt className="font-medium">Reminder</dt>
        <dd>Unsigned contracts show in What&apos;s Next {contractReminderDays} day(s) after sending.</dd>
      </dl>
    );
  }
  return (
    <ActionForm action={updateContractSettingsAction} submitLabel="Save signing settings" variant="secondary">
      {(s) => (
        <>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="countersignAutomatically"
              defaultChecked={s.values ? s.values.countersignAutomatically === "on" : countersignAutomatically}
              className="mt-0.5 h-4 w-4 rounded border-slate-300"
            />
            <span>Countersign automatically as soon as the client signs</span>
          </label>
          <TextField
            label="Remind me after (days unsigned)"
            name="contractReminderDays"
            type="number"
            min={1}
            max={60}
            defaultValue={s.values?.contractReminderDays ?? String(contractReminderDays)}
            errors={s.fieldErrors?.contractReminderDays}
            hint="A contract still unsigned this many days after sending shows in What's Next."
          />
        </>
      )}
    </ActionForm>
  );
}
