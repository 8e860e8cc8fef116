"use client";

import { useState } from "react";
import { LineItemsEditor, MoneyFormatFields, type LineRow } from "@/components/billing/line-items-editor";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { currencySymbol, type MoneyFormat } from "@/lib/money";
import { createInvoiceAction, updateInvoiceAction } from "../actions";

export type InvoiceFormDefaults = {
  title: string;
  lines: LineRow[];
  discount: string;
  retainer: string;
  scheduleId: string;
  note: string;
};

type Props = {
  money: MoneyFormat;
  schedules: { id: string; name: string; isDefault: boolean }[];
  defaults: InvoiceFormDefaults;
} & ({ mode: "create"; jobId: string } | { mode: "edit"; invoiceId: string });

/** A draft invoice: lines with tax, a discount, the retainer and the payment schedule. */
export function InvoiceForm(props: Props) {
  const { money, schedules, defaults } = props;
  const [state, action, pending] = useFormAction(props.mode === "create" ? createInvoiceAction : updateInvoiceAction);
  const [discount, setDiscount] = useState(defaults.discount);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const symbol = currencySymbol(money);
  const fallback = schedules.find((s) => s.isDefault);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      {props.mode === "create" ? (
        <input type="hidden" name="jobId" value={props.jobId} />
      ) : (
        <input type="hidden" name="invoiceId" value={props.invoiceId} />
      )}
      <MoneyFormatFields money={money} />
      <TextField
        label="Invoice title"
        name="title"
        defaultValue={v.title ?? defaults.title}
        errors={e.title}
        hint="For example: Full-Day Wedding Collection"
      />
      <LineItemsEditor money={money} withTax initial={defaults.lines} errors={e} discountText={discount} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={`Discount (${symbol})`}
          name="discount"
          inputMode="decimal"
          value={discount}
          onChange={(ev) => setDiscount(ev.target.value)}
          errors={e.discount}
          hint="Taken off before tax, spread over the lines."
        />
        <TextField
          label={`Retainer (${symbol})`}
          name="retainer"
          inputMode="decimal"
          defaultValue={v.retainer ?? defaults.retainer}
          errors={e.retainer}
          hint="Due on booking when the schedule asks for one."
        />
      </div>
      <SelectField
        label="Payment schedule"
        name="scheduleId"
        defaultValue={v.scheduleId ?? defaults.scheduleId}
        errors={e.scheduleId}
      >
        <option value="">
          {fallback
            ? `Studio default (${fallback.name})`
            : "Built in: retainer on booking, the rest 14 days before the event (one payment on receipt without a retainer)"}
        </option>
        {schedules.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextArea
        label="Note to the client (optional)"
        name="note"
        defaultValue={v.note ?? defaults.note}
        errors={e.note}
        rows={3}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : props.mode === "create" ? "Save draft invoice" : "Save changes"}
      </Button>
    </form>
  );
}
