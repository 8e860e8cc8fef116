"use client";

import { FormToken } from "@/components/ui/form-token";
import { LineItemsEditor, MoneyFormatFields, type LineRow } from "@/components/billing/line-items-editor";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { currencySymbol, formatMoneyInput, type MoneyFormat } from "@/lib/money";
import { createProposalAction, updateProposalAction } from "../actions";

/** A saved draft as the form shows it: amounts already written in the studio's format. */
export type ProposalDraft = { title: string; deposit: string; expiresOn: string; items: LineRow[] };

type Props = { money: MoneyFormat } & (
  | { mode: "create"; jobId: string; defaultExpiresOn: string }
  | { mode: "edit"; proposalId: string; draft: ProposalDraft }
);

/** A new proposal for a job, or a draft being edited; a failed submit keeps what was typed. */
export function ProposalForm(props: Props) {
  const { money } = props;
  const [state, action, pending] = useFormAction(props.mode === "create" ? createProposalAction : updateProposalAction);
  const saved =
    props.mode === "edit"
      ? { title: props.draft.title, deposit: props.draft.deposit, expiresOn: props.draft.expiresOn }
      : { expiresOn: props.defaultExpiresOn };
  const v: Record<string, string | undefined> = { ...saved, ...state.values };
  const e = state.fieldErrors ?? {};
  const symbol = currencySymbol(money);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      {props.mode === "create" ? (
        <input type="hidden" name="jobId" value={props.jobId} />
      ) : (
        <input type="hidden" name="proposalId" value={props.proposalId} />
      )}
      <MoneyFormatFields money={money} />
      <TextField
        label="Proposal title"
        name="title"
        defaultValue={v.title}
        errors={e.title}
        hint="For example: Full-Day Wedding Collection"
      />
      <LineItemsEditor money={money} errors={e} initial={props.mode === "edit" ? props.draft.items : undefined} />
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
          defaultValue={v.expiresOn}
          errors={e.expiresOn}
          hint="The client can accept until the end of this day."
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : props.mode === "create" ? "Save proposal" : "Save draft"}
      </Button>
    </form>
  );
}
