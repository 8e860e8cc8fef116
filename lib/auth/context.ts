import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { asStudioUser, requireAdmin } from "@/lib/auth/guards";
import { readSessionUser } from "@/lib/auth/session-cookie";
import { selectedBrandId } from "@/lib/brands/filter";
import { readConfirmingMiss, readDb } from "@/lib/db";
import { type MoneyFormat } from "@/lib/money";
import { findSignedInShell } from "@/lib/studios/queries";

/**
 * What every studio page starts from: the signed-in photographer, this request's read client,
 * the studio (name, time zone, brands) and the brand filter chosen in the header. Cached per
 * request, so the layout and the page share one lookup. The user is re-checked on every request
 * like getSessionUser (lib/auth/guards.ts) does, in the same statement as the studio.
 */
export const requireStudioContext = cache(async () => {
  const signedIn = await readSessionUser();
  // Like the user alone: a user or studio made just before this sign-in may not be on this
  // request's replica yet.
  const found = signedIn ? await readConfirmingMiss((host) => findSignedInShell(host, { userId: signedIn.id })) : null;
  const user = asStudioUser(found?.user ?? null);
  const studio = found?.studio;
  if (!studio) notFound();
  const db = await readDb();
  const brandId = await selectedBrandId(studio.brands);
  // How this studio shows and reads amounts (lib/money.ts).
  const money: MoneyFormat = { currency: studio.currency, locale: studio.locale };
  return { user, db, studio, brandId, money };
});

/** The studio context for owner-only pages; staff get a 404, as if the page did not exist. */
export const requireOwnerContext = cache(async () => {
  const context = await requireStudioContext();
  if (context.user.role !== "OWNER") notFound();
  return context;
});

/** Platform admins' pages: the admin and this request's read client; everyone else gets a 404. */
export const requireAdminContext = cache(async () => {
  const user = await requireAdmin();
  return { user, db: await readDb() };
});
