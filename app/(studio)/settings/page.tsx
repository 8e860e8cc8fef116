import { Card, PageHeader } from "@/components/ui/card";
import { findOwnerConfirmation } from "@/lib/account/queries";
import { requireStudioContext } from "@/lib/auth/context";
import { findActiveSessions } from "@/lib/auth/sessions";
import { readSession } from "@/lib/auth/session-cookie";
import { findLeadAlert } from "@/lib/lead-alerts/queries";
import { AccountForms } from "./_components/account-section";
import { LeadAlertForm } from "./_components/lead-alert-form";
import { SessionsCard } from "./_components/sessions-card";
import { UnconfirmedOwnerBanner } from "../_components/unconfirmed-owner-banner";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const { user, db } = await requireStudioContext();
  const [sessions, current, owner, alerts] = await Promise.all([
    findActiveSessions(db, { userId: user.id }),
    readSession(),
    findOwnerConfirmation(db, { studioId: user.studioId }),
    findLeadAlert(db, { studioId: user.studioId, userId: user.id }),
  ]);
  return (
    <>
      <PageHeader title="Account" />
      {owner.isConfirmed ? null : (
        <UnconfirmedOwnerBanner ownerEmail={owner.ownerEmail} isOwner={owner.ownerId === user.id} />
      )}
      <AccountForms name={user.name} email={user.email} />
      <Card title="New-inquiry emails">
        {alerts && !alerts.isConfirmed ? (
          <p className="mb-3 text-sm text-amber-800">
            These go to <EmailAddress address={user.email} /> once you have confirmed it with the link we sent.
          </p>
        ) : null}
        <LeadAlertForm leadAlert={alerts?.leadAlert ?? "INSTANT"} />
      </Card>
      <SessionsCard sessions={sessions} currentSessionId={current?.sid ?? null} />
      <Card title="Role">
        <p className="text-sm text-slate-600">
          You are the studio&apos;s {user.role === "OWNER" ? "owner" : "staff member"}.
        </p>
      </Card>
    </>
  );
}
