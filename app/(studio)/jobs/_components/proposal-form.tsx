"use client";

import { FormToken } from "@/components/ui/form-token";
import { useActionState } from "react";
import { LineItemsEditor, MoneyFormatFields } from "@/components/billing/line-items-editor";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { currencySymbol, formatMoneyInput, type MoneyFormat } from "@/lib/money";
import { createProposalAction } from "../actions";

export function ProposalForm({
  jobId,
  defaultExpiresOn,
  money,
}: {
  jobId: string;
  defaultExpiresOn: string;
  money: MoneyFormat;
}) {
  const [state, action, pending] = useActionState(createProposalAction, initialActionState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const symbol = currencySymbol(money);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <MoneyFormatFields money={money} />
      <TextField
        label="Proposal title"
        name="title"
        defaultValue={v.title}
        errors={e.title}
        hint="For example: Full-Day Wedding Collection"
      />
      <LineItemsEditor money={money} errors={e} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={`Deposit (${symbol})`}
          name="deposit"
          inputMode="decimal"
          defaultValue={v.deposit ?? formatMoneyInput(0, money)}
          errors={e.deposit}
          hint="Due when the client books."
        />
        <TextField
          label="Expires on"
          name="expiresOn"
          type="date"
          defaultValue={v.expiresOn ?? defaultExpiresOn}
          errors={e.expiresOn}
          hint="The client can accept until the end of this day."
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save proposal"}
      </Button>
    </form>
  );
}
