"use client";

import { useState } from "react";
import { MoneyFormatFields } from "@/components/billing/line-items-editor";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { currencySymbol, type MoneyFormat } from "@/lib/money";
import { type ScheduleAmountKind, type ScheduleAnchorKind } from "@/lib/schedules/plan";
import { SCHEDULE_AMOUNTS, SCHEDULE_ANCHORS } from "@/lib/schedules/schemas";
import { createScheduleTemplateAction } from "../actions";

type Row = {
  key: number;
  label: string;
  amount: ScheduleAmountKind;
  value: string;
  anchor: ScheduleAnchorKind;
  days: string;
};

let nextKey = 0;
const EXAMPLE: Omit<Row, "key">[] = [
  { label: "Retainer", amount: "DEPOSIT", value: "", anchor: "BOOKING", days: "0" },
  { label: "Second payment", amount: "PERCENT", value: "50", anchor: "EVENT", days: "60" },
  { label: "Final payment", amount: "REST", value: "", anchor: "EVENT", days: "14" },
];

/** A payment schedule, one row per payment. Inputs are controlled, so a failed save keeps every row. */
export function ScheduleTemplateForm({ money }: { money: MoneyFormat }) {
  const [state, action, pending] = useFormAction(createScheduleTemplateAction);
  const [rows, setRows] = useState<Row[]>(() => EXAMPLE.map((r) => ({ ...r, key: nextKey++ })));
  const update = (key: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <MoneyFormatFields money={money} />
      <TextField
        label="Schedule name"
        name="name"
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
        hint='For example "Wedding: retainer, half, rest".'
      />
      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-semibold text-slate-800">Payments</legend>
        {state.fieldErrors?.steps?.length ? (
          <ul role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.fieldErrors.steps.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {rows.map((r, i) => (
          <div
            key={r.key}
            className="grid items-end gap-2 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_6rem_5rem_11rem_auto]"
          >
            <TextField
              label={`Payment ${i + 1} name`}
              name="stepLabel[]"
              value={r.label}
              onChange={(e) => update(r.key, { label: e.target.value })}
            />
            <SelectField
              label={`Payment ${i + 1} amount`}
              name="stepAmount[]"
              value={r.amount}
              onChange={(e) => update(r.key, { amount: e.target.value as ScheduleAmountKind })}
            >
              {Object.entries(SCHEDULE_AMOUNTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <TextField
              label={
                r.amount === "PERCENT"
                  ? `Payment ${i + 1} percent`
                  : `Payment ${i + 1} value (${currencySymbol(money)})`
              }
              name="stepValue[]"
              inputMode="decimal"
              value={r.value}
              // Read-only, not disabled: a disabled input is not posted, and the columns must line up.
              readOnly={r.amount === "DEPOSIT" || r.amount === "REST"}
              onChange={(e) => update(r.key, { value: e.target.value })}
            />
            <TextField
              label={`Payment ${i + 1} days`}
              name="stepDays[]"
              inputMode="numeric"
              value={r.days}
              onChange={(e) => update(r.key, { days: e.target.value })}
            />
            <SelectField
              label={`Payment ${i + 1} counted`}
              name="stepAnchor[]"
              value={r.anchor}
              onChange={(e) => update(r.key, { anchor: e.target.value as ScheduleAnchorKind })}
            >
              {Object.entries(SCHEDULE_ANCHORS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <Button
              type="button"
              variant="ghost"
              onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
            >
              <span aria-hidden="true">✕ </span>Remove<span className="sr-only"> payment {i + 1}</span>
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setRows((list) => [
              ...list,
              { key: nextKey++, label: "", amount: "REST", value: "", anchor: "EVENT", days: "0" },
            ])
          }
        >
          Add a payment
        </Button>
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isDefault" className="h-4 w-4 rounded border-slate-300" />
        Use for new invoices unless another is chosen
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save schedule"}
      </Button>
    </form>
  );
}
