import Link from "next/link";
import { primaryDb } from "@/lib/db";
import { toAppError } from "@/lib/errors";
import { findOpenInvite } from "@/lib/team/mutations";
import { inviteToken } from "@/lib/team/schemas";
import { AcceptInviteForm } from "./accept-form";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Join a studio" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const parsed = inviteToken.safeParse(token);
  // Invitations are read on the primary: the owner may have sent it a moment ago.
  const invite = parsed.success
    ? await primaryDb()
        .$transaction((tx) => findOpenInvite(tx, { token: parsed.data }))
        .catch((e) => (toAppError(e) ? null : Promise.reject(e)))
    : null;
  if (!invite) {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">This invitation is not valid</h1>
        <p className="text-sm text-slate-600">
          It has expired or was already used. Ask the studio owner to send a new one.
        </p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
          Go to sign in
        </Link>
      </>
    );
  }
  if (invite.isTaken) {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">Join {invite.studio.name}</h1>
        <p className="text-sm text-slate-600">
          <EmailAddress address={invite.email} /> already has a ShootQ account, and an account belongs to one studio.
          Ask {invite.studio.name} to invite another address of yours.
        </p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
          Go to sign in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Join {invite.studio.name}</h1>
      <p className="mb-6 text-sm text-slate-600">
        Choose your name and a password to start working with the studio on ShootQ.
      </p>
      <AcceptInviteForm token={parsed.data!} email={invite.email} />
    </>
  );
}
