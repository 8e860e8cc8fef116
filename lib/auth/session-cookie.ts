import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions, type SessionUser } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { isSecureCookies } from "@/lib/session";

const MAX_AGE = 60 * 60 * 24 * 14;

const cookieName = () => `${isSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;

/**
 * The user in next-auth's JWT cookie, decrypted directly (what getServerSession does, without
 * running next-auth's whole request pipeline on every page). Forged, expired or foreign: null.
 */
export async function readSessionUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(cookieName())?.value;
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: env().NEXTAUTH_SECRET });
    const user = (payload as { user?: SessionUser } | null)?.user;
    return user?.id ? user : null;
  } catch {
    return null;
  }
}

/**
 * Signs `user` in from a server action, with the same JWT cookie next-auth's credentials
 * sign-in sets (same secret, name and attributes). Used right after sign-up and after
 * accepting an invitation, where the password was just chosen and need not travel again.
 */
export async function signInAs(user: SessionUser): Promise<void> {
  const secure = isSecureCookies();
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, user }, secret: env().NEXTAUTH_SECRET, maxAge: authOptions().session?.maxAge ?? MAX_AGE });
  (await cookies()).set(cookieName(), token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: MAX_AGE });
}
