"use client";

import { SignatureFields } from "@/components/contracts/signature-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { respondToProposalAction } from "./actions";

/**
 * Accept or Decline: one form, the clicked button sends the decision. With a contract attached,
 * accepting is signing it: the signature fields come first and "Accept and sign" sends both.
 */
export function RespondForm({ token, contract }: { token: string; contract?: { documentHash: string } }) {
  const [state, action, pending] = useFormAction(respondToProposalAction);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state.ok ? (
        <p role="status" className="text-sm text-slate-600">
          Saving your answer…
        </p>
      ) : (
        <>
          {contract ? (
            <SignatureFields
              documentHash={contract.documentHash}
              fieldErrors={state.fieldErrors}
              defaultName={state.values?.name}
            />
          ) : null}
          <div className="flex gap-3">
            <Button type="submit" name="decision" value="accept" disabled={pending}>
              {contract ? "Accept and sign" : "Accept proposal"}
            </Button>
            <Button type="submit" name="decision" value="decline" variant="secondary" disabled={pending}>
              Decline
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
