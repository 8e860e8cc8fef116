// Account changes that need the current password. Apart from lib/account/mutations because the
// wrong-password count runs on a connection of its own (lib/db, server-only), which scripts that
// reach the studio mutations (seed, drills) must not load.
import { ACCOUNT_EMAIL_LIMIT, SESSION_FIELDS } from "@/lib/account/mutations";
import { issueAccountLink } from "@/lib/account/links";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { primaryDb, type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";
import { countAttempt, enforceLimit, refundAttempt, waitText, type Limit } from "@/lib/rate-limit";

/** Wrong current passwords on the account forms, per user: slowed like sign-ins. */
const PASSWORD_CHECK_LIMIT = { max: 5, windowSeconds: 15 * 60, maxBlockSeconds: 24 * 60 * 60 } as const;

async function checkCurrentPassword(tx: Tx, userId: string, password: string) {
  const limit: Limit = { bucket: "password-check", key: userId, ...PASSWORD_CHECK_LIMIT };
  // Counted on its own connection: a wrong password rolls this transaction back, the count stays.
  const db = primaryDb();
  const attempt = await countAttempt(db, limit);
  if (!attempt.allowed)
    throw new AppError(
      "RATE_LIMITED",
      `Too many wrong passwords. Try again in ${waitText(attempt.retryAfterSeconds)}.`,
    );
  const user = await tx.user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user) throw notFound("Your account");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("VALIDATION", "Your current password is not correct.", {
      currentPassword: ["Your current password is not correct."],
    });
  }
  await refundAttempt(db, limit);
}

/**
 * Asks to change the sign-in address: a link goes to the new address and nothing changes until
 * it is opened. Whether the new address is taken is told only there, never here.
 */
export async function requestEmailChange(
  tx: Tx,
  { userId, email, currentPassword }: { userId: string; email: string; currentPassword: string },
) {
  await checkCurrentPassword(tx, userId, currentPassword);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("Your account");
  if (user.email === email)
    throw new AppError("VALIDATION", "That is already your address.", { email: ["That is already your address."] });
  await enforceLimit(
    tx,
    { bucket: "account-email", key: userId, ...ACCOUNT_EMAIL_LIMIT },
    "We have sent you several emails in the last hour.",
  );
  const { id } = await issueAccountLink(tx, { userId, purpose: "EMAIL_CHANGE", email });
  await queueEmail(tx, { kind: "account.email-change", studioId: null, to: email, params: { accountTokenId: id } });
}

/** A new password: every session ends (the caller signs this browser in again). */
export async function changePassword(
  tx: Tx,
  { userId, currentPassword, newPassword }: { userId: string; currentPassword: string; newPassword: string },
) {
  await checkCurrentPassword(tx, userId, currentPassword);
  const user = await tx.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword) },
    select: SESSION_FIELDS,
  });
  await revokeAllSessions(tx, { userId });
  return user;
}
