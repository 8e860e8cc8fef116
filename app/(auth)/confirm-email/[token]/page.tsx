import Link from "next/link";
import { findConfirmation } from "@/lib/account/queries";
import { accountLinkToken } from "@/lib/account/schemas";
import { readConfirmingMiss } from "@/lib/db";
import { ActionButton } from "@/components/ui/action-button";
import { confirmEmailAction } from "./actions";

export const metadata = { title: "Confirm your email" };

// Opening the page changes nothing (mail scanners open links too); the button does.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = accountLinkToken.safeParse((await params).token);
  // A link sent a moment ago may not be on the replica yet: a miss is asked of the primary.
  const confirmation = parsed.success
    ? await readConfirmingMiss((db) => findConfirmation(db, { token: parsed.data }))
    : null;
  if (!confirmation) {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">This link is not valid</h1>
        <p className="text-sm text-slate-600">It has expired or was already used. Sign in to ask for a new one.</p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
          Go to sign in
        </Link>
      </>
    );
  }
  const isChange = confirmation.purpose === "EMAIL_CHANGE";
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">
        {isChange ? "Confirm your new email address" : "Confirm your email address"}
      </h1>
      <p className="mb-6 text-sm text-slate-600">
        {isChange
          ? `From now on you will sign in with ${confirmation.email}.`
          : `Hi ${confirmation.name}, confirm ${confirmation.email} to open your studio.`}
      </p>
      <ActionButton
        action={confirmEmailAction}
        fields={{ token: parsed.data! }}
        variant="primary"
        label={isChange ? "Use this address" : "Confirm and open my studio"}
        pendingLabel="Confirming…"
      />
    </>
  );
}
