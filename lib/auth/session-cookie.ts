import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { knownDeviceCookie, DEVICE_COOKIE } from "@/lib/auth/device";
import { type SessionClaims, type SessionUser } from "@/lib/auth/options";
import { SessionRevocations, type SessionRef } from "@/lib/auth/revocations";
import { createSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { clientAddress } from "@/lib/client-address";
import { primaryDb, readDb } from "@/lib/db";
import { env } from "@/lib/env";
import { isUnavailableError } from "@/lib/errors";
import { isSecureCookies } from "@/lib/session";
import { logEntry } from "@/lib/log";

export const sessionCookieName = () => `${isSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;

type Row = { active: boolean };

// Only while this node cannot listen for revocations. The primary knows every revocation; when
// it is down nobody can be revoked, so the replica's answer is as good.
async function checkInDatabase({ sessionId, userId, createdAt }: SessionRef): Promise<boolean> {
  const query = (db: { $queryRawUnsafe<T>(q: string, ...v: unknown[]): Promise<T> }) =>
    db.$queryRawUnsafe<Row[]>(
      `SELECT s."revokedAt" IS NULL AND s."expiresAt" > now() AND (u."sessionsValidAfter" IS NULL OR u."sessionsValidAfter" < $3) AS active
       FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = $1 AND s."userId" = $2`,
      sessionId,
      userId,
      new Date(createdAt),
    );
  let rows: Row[];
  try {
    rows = await query(primaryDb());
  } catch (error) {
    if (!isUnavailableError(error)) throw error;
    // $replica(): the read-replicas extension sends raw SQL to the primary, which is down.
    rows = await query((await readDb()).$replica());
  }
  return rows[0]?.active === true;
}

const globalForRevocations = globalThis as unknown as { shootqRevocations?: SessionRevocations };

/** This node's revocation set (started on first use, or at boot by instrumentation.ts). */
export function sessionRevocations(): SessionRevocations {
  globalForRevocations.shootqRevocations ??= new SessionRevocations({
    databaseUrl: env().DATABASE_URL,
    checkInDatabase,
    log: logEntry(),
  }).start();
  return globalForRevocations.shootqRevocations;
}

/**
 * The session in next-auth's JWT cookie, decrypted directly; forged, expired, foreign or revoked:
 * null. Once per request: the guards and a page may both ask.
 */
export const readSession = cache(async (): Promise<SessionClaims | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  let claims: Partial<SessionClaims> | null;
  try {
    claims = (await decode({ token, secret: env().NEXTAUTH_SECRET })) as Partial<SessionClaims> | null;
  } catch {
    return null;
  }
  // A cookie from before sessions were revocable names no session: signed out.
  if (!claims?.user?.id || typeof claims.sid !== "string" || typeof claims.sct !== "number") return null;
  const active = await sessionRevocations().isActive({
    sessionId: claims.sid,
    userId: claims.user.id,
    createdAt: claims.sct,
  });
  return active ? (claims as SessionClaims) : null;
});

/** The signed-in user as the cookie names them (see guards.ts for the checked user). */
export async function readSessionUser(): Promise<SessionUser | null> {
  return (await readSession())?.user ?? null;
}

/**
 * Signs `user` in from a server action: a new session row and the same JWT cookie next-auth's
 * credentials sign-in sets. Used where the user just proved who they are another way (an
 * invitation, an emailed confirmation or reset link). The browser becomes a known device.
 */
export async function signInAs(user: SessionUser): Promise<void> {
  const h = await headers();
  const session = await createSession(primaryDb(), {
    userId: user.id,
    userAgent: h.get("user-agent"),
    address: clientAddress(h),
  });
  const claims: SessionClaims = { user, sid: session.id, sct: session.createdAt.getTime() };
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, ...claims },
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const store = await cookies();
  store.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecureCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const device = knownDeviceCookie(store.get(DEVICE_COOKIE)?.value, user.email);
  store.set(device.name, device.value, device.options);
}

/** Ends this browser's sign-in (its session was just revoked). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
