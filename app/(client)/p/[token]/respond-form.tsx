"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { respondToProposalAction } from "./actions";

/** Accept or Decline: one form, the clicked button sends the decision. */
export function RespondForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(respondToProposalAction, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state.ok ? (
        <p role="status" className="text-sm text-slate-600">
          Saving your answer…
        </p>
      ) : (
        <div className="flex gap-3">
          <Button type="submit" name="decision" value="accept" disabled={pending}>
            Accept proposal
          </Button>
          <Button type="submit" name="decision" value="decline" variant="secondary" disabled={pending}>
            Decline
          </Button>
        </div>
      )}
    </form>
  );
}
