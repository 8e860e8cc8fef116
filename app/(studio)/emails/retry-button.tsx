"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialActionState } from "@/lib/action-state";
import { retryEmailAction } from "./actions";

export function RetryButton({ emailId, to }: { emailId: string; to: string }) {
  const [state, action, pending] = useActionState(retryEmailAction, initialActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="emailId" value={emailId} />
      {state.message ? (
        <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-red-600"}`}>
          {state.message}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Retry the email to ${to}`}>
        {pending ? "Retrying…" : "Retry"}
      </Button>
    </form>
  );
}
