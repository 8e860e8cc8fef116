"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { respondToReferralAction } from "../actions";

export function AnswerButtons({ referralId, title }: { referralId: string; title: string }) {
  const [state, action, pending] = useFormAction(respondToReferralAction);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="referralId" value={referralId} />
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="accept" disabled={pending} aria-label={`Accept ${title}`}>
          Accept
        </Button>
        <Button
          type="submit"
          name="decision"
          value="reject"
          variant="secondary"
          disabled={pending}
          aria-label={`Reject ${title}`}
        >
          Reject
        </Button>
      </div>
    </form>
  );
}
