import { hashPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { newUserIdentity } from "@/lib/studios/identifiers";
import { INVITE_DAYS } from "@/lib/team/schemas";
import { hashToken, newRowWithLink } from "@/lib/tokens";

const SESSION_FIELDS = { id: true, email: true, name: true, role: true, studioId: true } as const;

/** Creates an invitation and queues its email; the link is derived from the row when it is sent. */
export async function inviteStaff(
  tx: Tx,
  { studioId, invitedBy, email, now = new Date() }: { studioId: string; invitedBy: { id: string; name: string }; email: string; now?: Date },
) {
  const existing = await tx.user.findUnique({ where: { email }, select: { studioId: true, removedAt: true } });
  if (existing && !existing.removedAt) {
    const message = existing.studioId === studioId ? "That person is already on your team." : "That email already has a ShootQ account.";
    throw new AppError("CONFLICT", message, { email: [message] });
  }
  // A new invite replaces any open one for the same address: only the newest link works.
  await tx.invite.deleteMany({ where: { studioId, email, acceptedAt: null } });
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  const { id, tokenHash } = newRowWithLink("invite");
  await tx.invite.create({ data: { id, studioId, email, invitedById: invitedBy.id, tokenHash, expiresAt }, select: { id: true } });
  await queueEmail(tx, { studioId, kind: "staff.invite", to: email, params: { inviteId: id } });
  return { inviteId: id };
}

/** Looks up an open invitation by its link's token; expired, used or unknown -> NOT_FOUND. */
export async function findOpenInvite(tx: Tx, { token, now = new Date() }: { token: string; now?: Date }) {
  const invite = await tx.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, studioId: true, expiresAt: true, acceptedAt: true, studio: { select: { name: true } } },
  });
  if (!invite || invite.acceptedAt || invite.expiresAt <= now) throw new AppError("NOT_FOUND", "This invitation has expired or was already used. Ask the studio owner for a new one.");
  return invite;
}

export async function acceptInvite(tx: Tx, { token, name, password, now = new Date() }: { token: string; name: string; password: string; now?: Date }) {
  const invite = await findOpenInvite(tx, { token, now });
  const taken = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true, removedAt: true } });
  if (taken && !taken.removedAt) throw new AppError("CONFLICT", "That email already has a ShootQ account. Sign in instead.");
  // The claim is conditional so two tabs accepting at once create one account.
  const claimed = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null }, data: { acceptedAt: now } });
  if (claimed.count !== 1) throw new AppError("NOT_FOUND", "This invitation was already used.");
  const data = { studioId: invite.studioId, name, role: "STAFF" as const, passwordHash: await hashPassword(password), removedAt: null };
  const user = taken
    ? await tx.user.update({ where: { id: taken.id }, data, select: SESSION_FIELDS })
    : await tx.user.create({ data: { ...data, email: invite.email, ...newUserIdentity() }, select: SESSION_FIELDS });
  await notify(tx, { studioId: invite.studioId, kind: "staff.joined", message: `${name} accepted your invitation and joined the team`, link: "/settings/team" });
  return user;
}

/** Owners remove staff; nobody removes the owner or themselves. Another studio's id: NOT_FOUND. */
export async function removeStaff(tx: Tx, { studioId, actorId, userId }: { studioId: string; actorId: string; userId: string }) {
  const member = await tx.user.findFirst({ where: { id: userId, studioId, removedAt: null }, select: { id: true, role: true } });
  if (!member) throw notFound("That team member");
  if (member.role === "OWNER") throw new AppError("FORBIDDEN", "The studio owner cannot be removed.");
  if (member.id === actorId) throw new AppError("FORBIDDEN", "You cannot remove yourself.");
  await tx.user.update({ where: { id: member.id }, data: { removedAt: new Date() } });
}

export async function revokeInvite(tx: Tx, { studioId, inviteId }: { studioId: string; inviteId: string }) {
  const { count } = await tx.invite.deleteMany({ where: { id: inviteId, studioId, acceptedAt: null } });
  if (count !== 1) throw notFound("That invitation");
}
