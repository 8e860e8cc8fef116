import { ActionButton } from "@/components/ui/action-button";
import { sendEmailConfirmationAction } from "../settings/actions";

/** Until the owner confirms their address the studio sends no email: say so, and let the owner resend the link. */
export function UnconfirmedOwnerBanner({ ownerEmail, isOwner }: { ownerEmail: string | null; isOwner: boolean }) {
  return (
    <div role="alert" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
      <p>
        {isOwner
          ? `Confirm your email address (${ownerEmail}): until you do, ShootQ sends no email for your studio.`
          : "Your studio's owner has not confirmed their email address yet, so ShootQ sends no email for the studio."}
      </p>
      {isOwner ? (
        <div className="mt-2">
          <ActionButton
            action={sendEmailConfirmationAction}
            fields={{}}
            label="Send the confirmation link again"
            pendingLabel="Sending…"
          />
        </div>
      ) : null}
    </div>
  );
}
