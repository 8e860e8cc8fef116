"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { SignatureFields } from "@/components/contracts/signature-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { signContractAction } from "./actions";

export function SignForm({ token, documentHash }: { token: string; documentHash: string }) {
  const [state, action, pending] = useFormAction(signContractAction);
  const router = useRouter();
  const refusedOutright = !state.ok && Boolean(state.message) && Object.keys(state.fieldErrors ?? {}).length === 0;
  // Refused for a reason that is not a field (voided, already signed, changed): show the page as it is now.
  useEffect(() => {
    if (refusedOutright) router.refresh();
  }, [refusedOutright, state, router]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state.ok ? (
        <p role="status" className="text-sm text-slate-600">
          Saving your signature…
        </p>
      ) : (
        <>
          <SignatureFields
            documentHash={documentHash}
            fieldErrors={state.fieldErrors}
            defaultName={state.values?.name}
          />
          <Button type="submit" disabled={pending} className="w-full py-3 text-base sm:w-auto">
            {pending ? "Signing…" : "Sign contract"}
          </Button>
        </>
      )}
    </form>
  );
}
