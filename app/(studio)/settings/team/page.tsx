import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findTeam } from "@/lib/team/queries";
import { CancelInviteForm, InviteForm, RemoveMemberForm } from "../_components/team-forms";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const { user, db } = await requireStudioContext();
  const isOwner = user.role === "OWNER";
  const { members, invites } = await findTeam(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="Team" />
      <Card title="Members">
        <ul className="divide-y divide-slate-100" aria-label="Team members">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">{m.name}</p>
                <p className="text-sm text-slate-500">
                  <EmailAddress address={m.email} /> · {m.role === "OWNER" ? "Owner" : "Staff"}
                </p>
              </div>
              {isOwner && m.role === "STAFF" ? <RemoveMemberForm userId={m.id} name={m.name} /> : null}
            </li>
          ))}
        </ul>
      </Card>
      {isOwner ? (
        <>
          <Card title="Invite staff">
            <InviteForm />
          </Card>
          <Card title="Open invitations">
            {invites.length === 0 ? (
              <EmptyState>No open invitations.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Open invitations">
                {invites.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <p className="text-sm">
                      <EmailAddress address={i.email} className="font-medium" /> · invited by {i.invitedBy.name} ·
                      expires {i.expiresAt.toLocaleDateString("en-US")}
                    </p>
                    <CancelInviteForm inviteId={i.id} email={i.email} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </>
  );
}
