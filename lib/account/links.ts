import { type Tx } from "@/lib/db";
import { modelsOf, type Reader } from "@/lib/reader";
import { hashToken, linkToken, newRowWithLink, type LinkPurpose } from "@/lib/tokens";
import { type AccountTokenPurpose } from "@/prisma/generated/prisma/enums";

// Single-use links about an account (confirm an address, change it, reset the password). The
// token is derived from the row (only its hash is stored), so the email is rendered at send time.

const LIFETIME_SECONDS: Record<AccountTokenPurpose, number> = {
  EMAIL_VERIFICATION: 3 * 24 * 60 * 60,
  EMAIL_CHANGE: 24 * 60 * 60,
  PASSWORD_RESET: 60 * 60,
};

const LINK_PURPOSE: Record<AccountTokenPurpose, LinkPurpose> = {
  EMAIL_VERIFICATION: "email-verification",
  EMAIL_CHANGE: "email-change",
  PASSWORD_RESET: "password-reset",
};

/** A new link of `purpose` for `userId`, sent to `email`; earlier unused ones of that purpose stop working. */
export async function issueAccountLink(
  tx: Tx,
  {
    userId,
    purpose,
    email,
    now = new Date(),
  }: { userId: string; purpose: AccountTokenPurpose; email: string; now?: Date },
) {
  await tx.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  const { id, tokenHash } = newRowWithLink(LINK_PURPOSE[purpose]);
  await tx.accountToken.create({
    data: {
      id,
      userId,
      purpose,
      email,
      tokenHash,
      expiresAt: new Date(now.getTime() + LIFETIME_SECONDS[purpose] * 1000),
    },
    select: { id: true },
  });
  return { id };
}

/** The token in a link that is still open: the emails render it at send time. */
export async function openAccountLinkToken(
  tx: Pick<Tx, "accountToken">,
  { id, now = new Date() }: { id: string; now?: Date },
) {
  const row = await tx.accountToken.findFirst({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, purpose: true, email: true, user: { select: { name: true } } },
  });
  return row && { ...row, token: linkToken(LINK_PURPOSE[row.purpose], row.id) };
}

/** The open link a token belongs to, if it is one of `purposes`; used, expired or unknown: null. */
export function findAccountLink(
  db: Reader,
  { token, purposes, now = new Date() }: { token: string; purposes: AccountTokenPurpose[]; now?: Date },
) {
  return modelsOf(db).accountToken.findFirst({
    where: { tokenHash: hashToken(token), purpose: { in: purposes }, usedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      userId: true,
      purpose: true,
      email: true,
      user: { select: { id: true, email: true, name: true, removedAt: true } },
    },
  });
}

/** Uses a link once: of two requests at once, one claims it. */
export async function claimAccountLink(tx: Tx, { id, now = new Date() }: { id: string; now?: Date }): Promise<boolean> {
  const { count } = await tx.accountToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}
