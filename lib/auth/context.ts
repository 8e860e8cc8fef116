import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { asStudioUser, getSignedInShell, requireAdmin } from "@/lib/auth/guards";
import { selectedBrandId } from "@/lib/brands/filter";
import { readDb } from "@/lib/db";
import { type MoneyFormat } from "@/lib/money";

/**
 * What every studio page starts from: the signed-in photographer, this request's read client,
 * the studio (name, time zone, brands) and the brand filter chosen in the header. Cached per
 * request, so the layout and the page share one lookup; the user and studio come from
 * getSignedInShell (lib/auth/guards.ts), which re-checks the user on every request.
 */
export const requireStudioContext = cache(async () => {
  const found = await getSignedInShell();
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
