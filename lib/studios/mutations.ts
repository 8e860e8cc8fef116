import { hashPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { type MoneyFormat } from "@/lib/money";
import { type UpdatePaymentSettingsInput } from "@/lib/studios/schemas";
import { newUserIdentity, slugify } from "@/lib/studios/identifiers";

/** Sign-up: a studio, its first brand (named after it) and its owner. */
export async function createStudioWithOwner(
  tx: Tx,
  { name, studioName, email, password }: { name: string; studioName: string; email: string; password: string },
) {
  const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "An account with that email already exists.", { email: ["An account with that email already exists. Sign in instead."] });
  const studio = await tx.studio.create({
    data: { name: studioName, slug: slugify(studioName), brands: { create: { name: studioName } } },
    select: { id: true, slug: true },
  });
  const user = await tx.user.create({
    data: {
      studioId: studio.id,
      email,
      name,
      role: "OWNER",
      passwordHash: await hashPassword(password),
      ...newUserIdentity(),
    },
    select: { id: true, email: true, name: true, role: true, studioId: true },
  });
  return { studioId: studio.id, slug: studio.slug, user };
}

export async function updateStudio(tx: Tx, { studioId, ...fields }: { studioId: string; name: string; timeZone: string; currency: string; locale: string }) {
  await tx.studio.update({ where: { id: studioId }, data: fields, select: { id: true } });
}

/**
 * The studio's name, time zone and money format inside a write. `typed` is the format a form's
 * amounts were typed in: if the studio changed its currency meanwhile, the amounts are refused.
 */
export async function requireStudioMoney(tx: Tx, { studioId, typed }: { studioId: string; typed?: MoneyFormat }) {
  const studio = await tx.studio.findUnique({ where: { id: studioId }, select: { name: true, timeZone: true, currency: true, locale: true } });
  if (!studio) throw notFound("That studio");
  if (typed && (typed.currency !== studio.currency || typed.locale !== studio.locale)) {
    throw new AppError("VALIDATION", "Your studio's currency settings changed while this form was open. Reload the page and enter the amounts again.");
  }
  return { ...studio, money: { currency: studio.currency, locale: studio.locale } satisfies MoneyFormat };
}

export async function updatePaymentSettings(tx: Tx, { studioId, input }: { studioId: string; input: UpdatePaymentSettingsInput }) {
  await tx.studio.update({ where: { id: studioId }, data: input, select: { id: true } });
}
