import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type SessionUser } from "@/lib/auth/options";
import { readSessionUser } from "@/lib/auth/session-cookie";
import { readConfirmingMiss } from "@/lib/db";

export type StudioUser = SessionUser & { studioId: string };

/**
 * The signed-in user, re-checked on every request. A removed staff member's sessions are revoked
 * in the removing transaction and every node hears of it on commit (readSession), so the user
 * is read from this request's read host like the page's data, with no query on the primary. A
 * user the replica does not have yet (signed up a moment ago) is read from the primary.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const user = await readSessionUser();
  if (!user) return null;
  return readConfirmingMiss((db) =>
    db.user.findFirst({
      where: { id: user.id, removedAt: null },
      select: { id: true, email: true, name: true, role: true, studioId: true },
    }),
  );
});

/**
 * A photographer (owner or staff) with a studio; admins and strangers are sent away. Studio pages
 * read the user with their studio (lib/auth/context.ts) and pass them here.
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
