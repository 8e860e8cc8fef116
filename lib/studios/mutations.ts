import { hashPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { sendEmailConfirmation } from "@/lib/account/mutations";
import { queueEmail } from "@/lib/email/outbox";
import { enforceLimit } from "@/lib/rate-limit";
import { AppError, notFound } from "@/lib/errors";
import { type MoneyFormat } from "@/lib/money";
import { type UpdatePaymentSettingsInput } from "@/lib/studios/schemas";
import { newUserIdentity, slugify } from "@/lib/studios/identifiers";

/** Sign-ups one address may make per hour, and one email may receive per hour (it is sent an email each time). */
export const SIGN_UP_LIMITS = {
  perAddress: { max: 10, windowSeconds: 60 * 60 },
  perEmail: { max: 3, windowSeconds: 60 * 60 },
} as const;

/**
 * Sign-up. A new address gets a studio (its first brand named after it) and an unconfirmed
 * owner, and is emailed a link that confirms it and opens the studio. An address that already
 * has an account is emailed "you already have an account" instead and nothing is created. The
 * caller answers both the same way ("check your email"), and both hash the password, so neither
 * the answer nor its timing tells whether an address has an account.
 */
export async function signUpStudio(
  tx: Tx,
  {
    name,
    studioName,
    email,
    password,
    address,
  }: { name: string; studioName: string; email: string; password: string; address: string },
): Promise<void> {
  await enforceLimit(
    tx,
    { bucket: "signup-address", key: address, ...SIGN_UP_LIMITS.perAddress },
    "Too many sign-ups from your connection.",
  );
  await enforceLimit(
    tx,
    { bucket: "signup-email", key: email, ...SIGN_UP_LIMITS.perEmail },
    "Too many sign-ups for that address.",
  );
  const passwordHash = await hashPassword(password);
  const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (taken) {
    await queueEmail(tx, { kind: "account.exists", studioId: null, to: email, params: { userId: taken.id } });
    return;
  }
  const studio = await tx.studio.create({
    data: { name: studioName, slug: slugify(studioName), brands: { create: { name: studioName } } },
    select: { id: true },
  });
  const user = await tx.user.create({
    data: { studioId: studio.id, email, name, role: "OWNER", passwordHash, ...newUserIdentity() },
    select: { id: true },
  });
  await sendEmailConfirmation(tx, { userId: user.id });
}

export async function updateStudio(
  tx: Tx,
  {
    studioId,
    ...fields
  }: {
    studioId: string;
    name: string;
    timeZone: string;
    currency: string;
    locale: string;
    jobsPerDay: number;
    staffCanSeeReports: boolean;
  },
) {
  await tx.studio.update({ where: { id: studioId }, data: fields, select: { id: true } });
}

/**
 * The studio's name, time zone and money format inside a write. `typed` is the format a form's
 * amounts were typed in: if the studio changed its currency meanwhile, the amounts are refused.
 */
export async function requireStudioMoney(tx: Tx, { studioId, typed }: { studioId: string; typed?: MoneyFormat }) {
  const studio = await tx.studio.findUnique({
    where: { id: studioId },
    select: { name: true, timeZone: true, currency: true, locale: true },
  });
  if (!studio) throw notFound("That studio");
  if (typed && (typed.currency !== studio.currency || typed.locale !== studio.locale)) {
    throw new AppError(
      "VALIDATION",
      "Your studio's currency settings changed while this form was open. Reload the page and enter the amounts again.",
    );
  }
  return { ...studio, money: { currency: studio.currency, locale: studio.locale } satisfies MoneyFormat };
}

export async function updatePaymentSettings(
  tx: Tx,
  { studioId, input }: { studioId: string; input: UpdatePaymentSettingsInput },
) {
  await tx.studio.update({ where: { id: studioId }, data: input, select: { id: true } });
}
