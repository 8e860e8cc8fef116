"use client";

import { FormToken } from "@/components/ui/form-token";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { addLeadNoteAction } from "../actions";

export function LeadNoteForm({ leadId }: { leadId: string }) {
  const [state, action, pending] = useFormAction(addLeadNoteAction);
  return (
    <form action={action} className="space-y-3">
      <FormToken state={state} />
      <FormMessage state={state} />
      <input type="hidden" name="leadId" value={leadId} />
      <TextArea
        label="Add a note"
        name="body"
        rows={3}
        defaultValue={state.ok ? "" : state.values?.body}
        errors={state.fieldErrors?.body}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Add note"}
      </Button>
    </form>
  );
}
