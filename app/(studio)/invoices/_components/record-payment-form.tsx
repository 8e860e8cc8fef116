"use client";

import { MoneyFormatFields } from "@/components/billing/line-items-editor";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { PAYMENT_METHODS } from "@/lib/invoices/schemas";
import { currencySymbol, formatMoneyInput, type MoneyFormat } from "@/lib/money";
import { recordPaymentAction } from "../actions";

/** A check, cash or a transfer the photographer received (or a refund they made). */
export function RecordPaymentForm({
  invoiceId,
  money,
  suggestedMinor,
  todayKey,
}: {
  invoiceId: string;
  money: MoneyFormat;
  suggestedMinor: number;
  todayKey: string;
}) {
  return (
    <ActionForm action={recordPaymentAction} submitLabel="Record" className="space-y-3">
      {(s) => (
        <>
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <MoneyFormatFields money={money} />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label="Type"
              name="kind"
              defaultValue={s.values?.kind ?? "PAYMENT"}
              errors={s.fieldErrors?.kind}
            >
              <option value="PAYMENT">Payment received</option>
              <option value="REFUND">Refund given</option>
            </SelectField>
            <SelectField
              label="Method"
              name="method"
              defaultValue={s.values?.method ?? "CHECK"}
              errors={s.fieldErrors?.method}
            >
              {Object.entries(PAYMENT_METHODS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <TextField
              label={`Amount (${currencySymbol(money)})`}
              name="amount"
              inputMode="decimal"
              defaultValue={
                s.ok
                  ? formatMoneyInput(suggestedMinor, money)
                  : (s.values?.amount ?? formatMoneyInput(suggestedMinor, money))
              }
              errors={s.fieldErrors?.amount}
            />
            <TextField
              label="Received on"
              name="receivedOn"
              type="date"
              defaultValue={s.values?.receivedOn ?? todayKey}
              errors={s.fieldErrors?.receivedOn}
            />
            <TextField
              label="Reference (optional)"
              name="reference"
              defaultValue={s.ok ? "" : s.values?.reference}
              errors={s.fieldErrors?.reference}
              hint="Check number, transfer reference…"
            />
            <TextField
              label="Note (optional)"
              name="note"
              defaultValue={s.ok ? "" : s.values?.note}
              errors={s.fieldErrors?.note}
            />
          </div>
        </>
      )}
    </ActionForm>
  );
}
