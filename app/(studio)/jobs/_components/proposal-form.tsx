"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { formatCents, parseMoney } from "@/lib/proposals/money";
import { itemErrorKey, MAX_LINE_ITEMS } from "@/lib/proposals/schemas";
import { createProposalAction } from "../actions";

type Row = { key: number; description: string; quantity: string; unitPrice: string };

const cell = "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 aria-[invalid=true]:ring-red-500";

/** Line items live in state (not just the DOM) so a failed submit keeps every row. */
export function ProposalForm({ jobId, defaultExpiresOn }: { jobId: string; defaultExpiresOn: string }) {
  const [state, action, pending] = useActionState(createProposalAction, initialActionState);
  const [rows, setRows] = useState<Row[]>([{ key: 0, description: "", quantity: "1", unitPrice: "" }]);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const total = rows.reduce((sum, r) => sum + (Number.parseInt(r.quantity, 10) || 0) * (parseMoney(r.unitPrice) ?? 0), 0);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <TextField label="Proposal title" name="title" defaultValue={v.title} errors={e.title} hint="For example: Full-Day Wedding Collection" />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Line items</legend>
        {e.items ? (
          <p className="mb-2 text-sm text-red-600" role="alert">
            {e.items.join(" ")}
          </p>
        ) : null}
        <div className="space-y-3">
          {rows.map((row, i) => {
            const errs = (field: "description" | "quantity" | "unitPrice") => e[itemErrorKey(i, field)];
            return (
              <div key={row.key} className="grid grid-cols-[1fr_5rem_8rem_auto] items-start gap-2">
                <div>
                  <label className="sr-only" htmlFor={`item-${row.key}-description`}>{`Item ${i + 1} description`}</label>
                  <input id={`item-${row.key}-description`} name="description[]" placeholder="Description" value={row.description} onChange={(ev) => update(row.key, { description: ev.target.value })} className={cell} aria-invalid={errs("description") ? true : undefined} />
                  {errs("description") ? <p className="mt-1 text-xs text-red-600" role="alert">{errs("description")!.join(" ")}</p> : null}
                </div>
                <div>
                  <label className="sr-only" htmlFor={`item-${row.key}-quantity`}>{`Item ${i + 1} quantity`}</label>
                  <input id={`item-${row.key}-quantity`} name="quantity[]" inputMode="numeric" value={row.quantity} onChange={(ev) => update(row.key, { quantity: ev.target.value })} className={cell} aria-invalid={errs("quantity") ? true : undefined} />
                  {errs("quantity") ? <p className="mt-1 text-xs text-red-600" role="alert">{errs("quantity")!.join(" ")}</p> : null}
                </div>
                <div>
                  <label className="sr-only" htmlFor={`item-${row.key}-price`}>{`Item ${i + 1} unit price`}</label>
                  <input id={`item-${row.key}-price`} name="unitPrice[]" inputMode="decimal" placeholder="Price ($)" value={row.unitPrice} onChange={(ev) => update(row.key, { unitPrice: ev.target.value })} className={cell} aria-invalid={errs("unitPrice") ? true : undefined} />
                  {errs("unitPrice") ? <p className="mt-1 text-xs text-red-600" role="alert">{errs("unitPrice")!.join(" ")}</p> : null}
                </div>
                <Button type="button" variant="ghost" onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== row.key) : rs))} aria-label={`Remove item ${i + 1}`} disabled={rows.length === 1}>
                  ✕
                </Button>
              </div>
            );
          })}
        </div>
        <div className="mt-3 flex items-center justify-between">
          <Button
            type="button"
            variant="secondary"
            disabled={rows.length >= MAX_LINE_ITEMS}
            onClick={() => setRows((rs) => [...rs, { key: Math.max(...rs.map((r) => r.key)) + 1, description: "", quantity: "1", unitPrice: "" }])}
          >
            Add line item
          </Button>
          <p className="text-sm text-slate-700">
            Total: <span className="font-semibold">{formatCents(total)}</span>
          </p>
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Deposit ($)" name="deposit" inputMode="decimal" defaultValue={v.deposit ?? "0"} errors={e.deposit} hint="Due when the client books." />
        <TextField label="Expires on" name="expiresOn" type="date" defaultValue={v.expiresOn ?? defaultExpiresOn} errors={e.expiresOn} hint="The client can accept until the end of this day." />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save proposal"}
      </Button>
    </form>
  );
}
