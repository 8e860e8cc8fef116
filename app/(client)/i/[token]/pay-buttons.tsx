"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { startCheckoutAction } from "./actions";

type Props = { token: string; next: { id: string; label: string; amount: string } | null; balance: string | null };

/** One form, the clicked button says what to pay: the next installment or the whole balance. */
export function PayButtons({ token, next, balance }: Props) {
  const [state, action, pending] = useFormAction(startCheckoutAction);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <div className="flex flex-col gap-3 sm:flex-row">
        {next ? (
          <Button
            type="submit"
            name="installmentId"
            value={next.id}
            disabled={pending}
            className="w-full py-3 text-base sm:w-auto"
          >
            {pending ? "Opening the payment page…" : `Pay ${next.label.toLowerCase()}: ${next.amount}`}
          </Button>
        ) : null}
        {balance ? (
          <Button type="submit" variant="secondary" disabled={pending} className="w-full py-3 text-base sm:w-auto">
            Pay the full balance: {balance}
          </Button>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">You pay by card on a secure payment page and come straight back here.</p>
    </form>
  );
}
