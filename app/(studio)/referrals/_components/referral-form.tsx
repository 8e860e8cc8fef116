"use client";

import { FormToken } from "@/components/ui/form-token";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { createReferralAction } from "../actions";

export function ReferralForm({ leadId, jobId, defaultNote }: { leadId?: string; jobId?: string; defaultNote: string }) {
  const [state, action, pending] = useFormAction(createReferralAction);
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      {leadId ? <input type="hidden" name="leadId" value={leadId} /> : null}
      {jobId ? <input type="hidden" name="jobId" value={jobId} /> : null}
      <TextField
        label="Photographer's email"
        name="toEmail"
        type="email"
        autoComplete="off"
        defaultValue={v.toEmail}
        errors={state.fieldErrors?.toEmail}
        hint="If they are not on ShootQ yet, they get an invitation with the details below."
      />
      <TextArea
        label="Message for them"
        name="note"
        defaultValue={v.note ?? defaultNote}
        errors={state.fieldErrors?.note}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send referral"}
      </Button>
    </form>
  );
}
