import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type SessionUser } from "@/lib/auth/options";
import { readSessionUser } from "@/lib/auth/session-cookie";
import { readConfirmingMiss } from "@/lib/db";
import { findSignedInShell } from "@/lib/studios/queries";

export type StudioUser = SessionUser & { studioId: string };

/**
 * The signed-in user with their studio and its brands (null for a platform admin), re-checked on
 * every request in one statement. A removed staff member's sessions are revoked in the removing
 * transaction and every node hears of it on commit (readSessionUser), so the user is read from
 * this request's read host like the page's data, with no query on the primary. A user or studio
 * the replica does not have yet (signed up a moment ago) is read from the primary. Cached per
 * request: the layout, the page and a server action's guard share it.
 */
export const getSignedInShell = cache(async () => {
  const signedIn = await readSessionUser();
  if (!signedIn) return null;
  return readConfirmingMiss((host) => findSignedInShell(host, { userId: signedIn.id }));
});

/** The signed-in user, or null when nobody is (or they were removed since signing in). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => (await getSignedInShell())?.user ?? null);

/**
 * A photographer (owner or staff) with a studio; admins and strangers are sent away.
 */
export function asStudioUser(user: SessionUser | null): StudioUser {
  if (!user) redirect("/sign-in");
  if (!user.studioId || user.role === "ADMIN") redirect(user.role === "ADMIN" ? "/admin" : "/sign-in");
  return user as StudioUser;
}

/** Platform admins only; everyone else sees a 404, as if /admin did not exist. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user || user.role !== "ADMIN") notFound();
  return user;
}
