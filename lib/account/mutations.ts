import { claimAccountLink, findAccountLink, issueAccountLink } from "@/lib/account/links";
import { type SessionUser } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";
import { enforceLimit } from "@/lib/rate-limit";

export const SESSION_FIELDS = { id: true, email: true, name: true, role: true, studioId: true } as const;

/** Emails one account may have sent to itself per hour (confirmations, changes, resets). */
export const ACCOUNT_EMAIL_LIMIT = { max: 5, windowSeconds: 60 * 60 } as const;
/** Reset requests per connection per hour, whatever the address. */
export const RESET_REQUEST_LIMIT = { max: 10, windowSeconds: 60 * 60 } as const;

const LINK_GONE = "This link has expired or was already used. Ask for a new one.";

export async function updateProfile(tx: Tx, { userId, name }: { userId: string; name: string }) {
  await tx.user.update({ where: { id: userId }, data: { name }, select: { id: true } });
}

/** (Re)sends the link that confirms the user's current address; earlier links stop working. */
export async function sendEmailConfirmation(tx: Tx, { userId }: { userId: string }) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, emailVerifiedAt: true },
  });
  if (!user) throw notFound("Your account");
  if (user.emailVerifiedAt) throw new AppError("CONFLICT", "Your email address is already confirmed.");
  await enforceLimit(
    tx,
    { bucket: "account-email", key: userId, ...ACCOUNT_EMAIL_LIMIT },
    "We have sent you several emails in the last hour.",
  );
  const { id } = await issueAccountLink(tx, { userId, purpose: "EMAIL_VERIFICATION", email: user.email });
  await queueEmail(tx, {
    kind: "account.verify-email",
    studioId: null,
    to: user.email,
    params: { accountTokenId: id },
  });
}

/**
 * Opens a confirmation link: the address it was sent to is proven. For a sign-up that confirms
 * the owner (and opens the studio); for a change of address the change takes effect now and the
 * old address is told. Returns the user, to sign this browser in.
 */
export async function confirmEmail(
  tx: Tx,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<SessionUser> {
  const link = await findAccountLink(tx, { token, purposes: ["EMAIL_VERIFICATION", "EMAIL_CHANGE"], now });
  if (!link || link.user.removedAt || !(await claimAccountLink(tx, { id: link.id, now })))
    throw new AppError("NOT_FOUND", LINK_GONE);
  if (link.purpose === "EMAIL_VERIFICATION") {
    // A confirmation for an address the user has since changed away from proves nothing.
    if (link.user.email !== link.email) throw new AppError("NOT_FOUND", LINK_GONE);
    return tx.user.update({ where: { id: link.userId }, data: { emailVerifiedAt: now }, select: SESSION_FIELDS });
  }
  const taken = await tx.user.findFirst({
    where: { email: link.email, NOT: { id: link.userId } },
    select: { id: true },
  });
  if (taken)
    throw new AppError(
      "CONFLICT",
      `${link.email} is already used by another ShootQ account, so your address was not changed.`,
    );
  const user = await tx.user.update({
    where: { id: link.userId },
    data: { email: link.email, emailVerifiedAt: now },
    select: SESSION_FIELDS,
  });
  await queueEmail(tx, {
    kind: "account.email-changed",
    studioId: null,
    to: link.user.email,
    params: { userId: user.id, newEmail: user.email },
  });
  return user;
}

/**
 * "Forgot password": a reset link to the address if it has an account, nothing otherwise. The
 * caller answers the same either way, and both ways count against the same limits.
 */
export async function requestPasswordReset(tx: Tx, { email, address }: { email: string; address: string }) {
  await enforceLimit(
    tx,
    { bucket: "reset-address", key: address, ...RESET_REQUEST_LIMIT },
    "Too many reset requests from your connection.",
  );
  await enforceLimit(
    tx,
    { bucket: "account-email", key: `email:${email}`, ...ACCOUNT_EMAIL_LIMIT },
    "We have sent that address several emails in the last hour.",
  );
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, removedAt: true } });
  if (!user || user.removedAt) return;
  const { id } = await issueAccountLink(tx, { userId: user.id, purpose: "PASSWORD_RESET", email });
  await queueEmail(tx, { kind: "account.password-reset", studioId: null, to: email, params: { accountTokenId: id } });
}

/**
 * Sets a new password through an emailed reset link (once, within the hour). Every session of
 * the account ends on every node; the caller signs this browser in afresh. Opening the link
 * proves the address too.
 */
export async function resetPassword(
  tx: Tx,
  { token, password, now = new Date() }: { token: string; password: string; now?: Date },
): Promise<SessionUser> {
  const link = await findAccountLink(tx, { token, purposes: ["PASSWORD_RESET"], now });
  if (
    !link ||
    link.user.removedAt ||
    link.user.email !== link.email ||
    !(await claimAccountLink(tx, { id: link.id, now }))
  )
    throw new AppError("NOT_FOUND", LINK_GONE);
  const user = await tx.user.update({
    where: { id: link.userId },
    data: { passwordHash: await hashPassword(password), emailVerifiedAt: now },
    select: SESSION_FIELDS,
  });
  await revokeAllSessions(tx, { userId: user.id });
  return user;
}

/** "Sign out everywhere": every session of the account ends, this one included. */
export async function signOutEverywhere(tx: Tx, { userId }: { userId: string }) {
  await revokeAllSessions(tx, { userId });
}

/** Signs one of the user's own sessions out (another browser, from "Your sessions"). */
export async function signOutSession(tx: Tx, { userId, sessionId }: { userId: string; sessionId: string }) {
  await revokeSession(tx, { userId, sessionId });
}
