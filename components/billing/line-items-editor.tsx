"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { itemErrorKey, MAX_LINE_ITEMS, type LineItemField } from "@/lib/line-items";
import { computeTotals, currencySymbol, formatMoney, parseMoney, parsePercent, type MoneyFormat } from "@/lib/money";

export type LineRow = { description: string; quantity: string; unitPrice: string; taxRate: string };

type Row = LineRow & { key: number };

const cell =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 aria-[invalid=true]:ring-red-500";

const blank: LineRow = { description: "", quantity: "1", unitPrice: "", taxRate: "" };

type Props = {
  money: MoneyFormat;
  /** Invoices tax each line; proposals do not. */
  withTax?: boolean;
  initial?: LineRow[];
  errors: Record<string, string[] | undefined>;
  /** A discount typed elsewhere in the form, for the live total. */
  discountText?: string;
};

/**
 * The line-item table of proposals and invoices. Rows live in state (not just the DOM) so a
 * failed submit keeps every row; the total beside it uses the same arithmetic as the server.
 */
export function LineItemsEditor({ money, withTax = false, initial, errors, discountText = "" }: Props) {
  const [rows, setRows] = useState<Row[]>(() => (initial?.length ? initial : [blank]).map((r, key) => ({ ...r, key })));
  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const totals = computeTotals(
    rows.map((r) => ({
      quantity: Number.parseInt(r.quantity, 10) || 0,
      unitPriceMinor: parseMoney(r.unitPrice, money) ?? 0,
      taxRateBps: withTax ? (parsePercent(r.taxRate, money) ?? 0) : 0,
    })),
    { discountMinor: parseMoney(discountText, money) ?? 0 },
  );
  const symbol = currencySymbol(money);
  // On a phone the description takes a row of its own, and quantity, price (and tax) the next.
  const columns = withTax
    ? "grid-cols-[3.5rem_1fr_4.5rem_auto] sm:grid-cols-[1fr_4.5rem_7.5rem_5rem_auto]"
    : "grid-cols-[4.5rem_1fr_auto] sm:grid-cols-[1fr_5rem_8rem_auto]";
  const field = (
    row: Row,
    i: number,
    name: LineItemField,
    label: string,
    props: { inputMode?: "numeric" | "decimal"; placeholder?: string },
    className = "",
  ) => {
    const errs = errors[itemErrorKey(i, name)];
    const id = `item-${row.key}-${name}`;
    return (
      <div className={className}>
        <label className="sr-only" htmlFor={id}>{`Item ${i + 1} ${label}`}</label>
        <input
          id={id}
          name={`${name}[]`}
          value={row[name]}
          onChange={(ev) => update(row.key, { [name]: ev.target.value })}
          className={cell}
          aria-invalid={errs ? true : undefined}
          {...props}
        />
        {errs ? (
          <p className="mt-1 text-xs text-red-600" role="alert">
            {errs.join(" ")}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-700">Line items</legend>
      {errors.items ? (
        <p className="mb-2 text-sm text-red-600" role="alert">
          {errors.items.join(" ")}
        </p>
      ) : null}
      <div className="space-y-3">
        {rows.map((row, i) => (
          <div key={row.key} className={`grid items-start gap-2 ${columns}`}>
            {field(row, i, "description", "description", { placeholder: "Description" }, "col-span-full sm:col-span-1")}
            {field(row, i, "quantity", "quantity", { inputMode: "numeric" })}
            {field(row, i, "unitPrice", "unit price", { inputMode: "decimal", placeholder: `Price (${symbol})` })}
            {withTax ? field(row, i, "taxRate", "tax rate", { inputMode: "decimal", placeholder: "Tax %" }) : null}
            <Button
              type="button"
              variant="ghost"
              onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== row.key) : rs))}
              aria-label={`Remove item ${i + 1}`}
              disabled={rows.length === 1}
            >
              ✕
            </Button>
          </div>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={rows.length >= MAX_LINE_ITEMS}
          onClick={() => setRows((rs) => [...rs, { ...blank, key: Math.max(...rs.map((r) => r.key)) + 1 }])}
        >
          Add line item
        </Button>
        <p className="text-sm text-slate-700">
          {withTax && totals.taxMinor > 0 ? (
            <span className="mr-3">Tax: {formatMoney(totals.taxMinor, money)}</span>
          ) : null}
          Total: <span className="font-semibold">{formatMoney(totals.totalMinor, money)}</span>
        </p>
      </div>
    </fieldset>
  );
}

/** The hidden fields that tell the server which money format the amounts were typed in. */
export function MoneyFormatFields({ money }: { money: MoneyFormat }) {
  return (
    <>
      <input type="hidden" name="currency" value={money.currency} />
      <input type="hidden" name="locale" value={money.locale} />
    </>
  );
}
