import { hashPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { newUserIdentity } from "@/lib/studios/identifiers";
import { INVITE_DAYS } from "@/lib/team/schemas";
import { findLink } from "@/lib/link-directory";
import { newRowWithLink } from "@/lib/tokens";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { enforceLimit } from "@/lib/rate-limit";
import { SESSION_FIELDS } from "@/lib/account/mutations";

/** Invitations one studio may send per hour: the platform's sender is not a relay. */

/**
 * Creates an invitation and queues its email; the link is derived from the row when it is sent.
 * Whether the address already has an account elsewhere is not revealed: the invitation goes
 * out the same way, and only its recipient learns, on opening it, that the address is taken.
 */
export async function inviteStaff(
  tx: Tx,
  {
    studioId,
    invitedBy,
    email,
    now = new Date(),
  }: { studioId: string; invitedBy: { id: string; name: string }; email: string; now?: Date },
) {
  // Invitations of one studio are made one at a time, so two at once leave one working link.
  await tx.$queryRaw`SELECT id FROM "Studio" WHERE id = ${studioId} FOR UPDATE`;
  const member = await tx.user.findFirst({ where: { email, studioId, removedAt: null }, select: { id: true } });
  if (member)
    throw new AppError("CONFLICT", "That person is already on your team.", {
      email: ["That person is already on your team."],
    });
  await enforceLimit(
    tx,
    { bucket: "invite", key: studioId, max: env().STUDIO_HOURLY_INVITE_LIMIT, windowSeconds: 60 * 60 },
    "Your studio has sent many invitations in the last hour.",
  );
  // A new invite replaces the open one for the same address: only the newest link works.
  await tx.invite.deleteMany({ where: { studioId, email } });
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  const { id, tokenHash } = newRowWithLink("invite");
  await tx.invite.create({
    data: { id, studioId, email, invitedById: invitedBy.id, tokenHash, expiresAt },
    select: { id: true },
  });
  await queueEmail(tx, { studioId, kind: "staff.invite", to: email, params: { inviteId: id } });
  return { inviteId: id };
}

const INVITE_GONE = "This invitation has expired or was already used. Ask the studio owner for a new one.";

/** An open invitation by its link's token; expired, used or unknown -> NOT_FOUND. `isTaken`: the address has an account. */
export async function findOpenInvite(tx: Tx, { token, now = new Date() }: { token: string; now?: Date }) {
  const link = await findLink(tx, token);
  const invite =
    link &&
    (await tx.invite.findUnique({
      where: { studioId_tokenHash: link },
      select: { id: true, email: true, studioId: true, expiresAt: true, studio: { select: { name: true } } },
    }));
  if (!invite || invite.expiresAt <= now) throw new AppError("NOT_FOUND", INVITE_GONE);
  const account = await tx.user.findUnique({ where: { email: invite.email }, select: { removedAt: true } });
  return { ...invite, isTaken: Boolean(account && !account.removedAt) };
}

export async function acceptInvite(
  tx: Tx,
  { token, name, password, now = new Date() }: { token: string; name: string; password: string; now?: Date },
) {
  const invite = await findOpenInvite(tx, { token, now });
  if (invite.isTaken) throw new AppError("CONFLICT", "That email already has a ShootQ account. Sign in instead.");
  // Accepting deletes the invitation; the delete is the claim, so two tabs create one account.
  const claimed = await tx.invite.deleteMany({ where: { id: invite.id, studioId: invite.studioId } });
  if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVITE_GONE);
  const previous = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  // Opening the emailed link proves the address.
  const data = {
    studioId: invite.studioId,
    name,
    role: "STAFF" as const,
    passwordHash: await hashPassword(password),
    removedAt: null,
    emailVerifiedAt: now,
  };
  const user = previous
    ? await tx.user.update({ where: { id: previous.id }, data, select: SESSION_FIELDS })
    : await tx.user.create({ data: { ...data, email: invite.email, ...newUserIdentity() }, select: SESSION_FIELDS });
  // Someone removed earlier and invited again starts afresh: no cookie of theirs from before works.
  if (previous) await revokeAllSessions(tx, { userId: previous.id });
  await notify(tx, {
    studioId: invite.studioId,
    kind: "staff.joined",
    message: `${name} accepted your invitation and joined the team`,
    link: "/settings/team",
  });
  return user;
}

/**
 * Owners remove staff; nobody removes the owner or themselves. Another studio's id: NOT_FOUND.
 * Their sessions end on every node as this commits.
 */
export async function removeStaff(
  tx: Tx,
  { studioId, actorId, userId }: { studioId: string; actorId: string; userId: string },
) {
  const member = await tx.user.findFirst({
    where: { id: userId, studioId, removedAt: null },
    select: { id: true, role: true },
  });
  if (!member) throw notFound("That team member");
  if (member.role === "OWNER") throw new AppError("FORBIDDEN", "The studio owner cannot be removed.");
  if (member.id === actorId) throw new AppError("FORBIDDEN", "You cannot remove yourself.");
  await tx.user.update({ where: { id: member.id }, data: { removedAt: new Date() } });
  await revokeAllSessions(tx, { userId: member.id });
}

export async function revokeInvite(tx: Tx, { studioId, inviteId }: { studioId: string; inviteId: string }) {
  const { count } = await tx.invite.deleteMany({ where: { id: inviteId, studioId } });
  if (count !== 1) throw notFound("That invitation");
}
