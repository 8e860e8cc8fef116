"use client";

import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { LEAD_STATUS_LABELS, LEAD_STATUSES } from "@/lib/leads/schemas";
import { type LeadStatus } from "@/prisma/generated/prisma/enums";
import { changeLeadStatusAction } from "../actions";

export function LeadStageForm({ leadId, status }: { leadId: string; status: LeadStatus }) {
  const [state, action, pending] = useFormAction(changeLeadStatusAction);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="leadId" value={leadId} />
      <SelectField label="Stage" name="status" defaultValue={status} errors={state.fieldErrors?.status} key={status}>
        {LEAD_STATUSES.map((s) => (
          <option key={s} value={s}>
            {LEAD_STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Update stage"}
      </Button>
    </form>
  );
}
