import { randomBytes } from "node:crypto";
import { type Db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

// A Session row per sign-in; its id travels inside the signed sign-in cookie. Revoking writes
// the row (or the user's "valid after" time) and notifies every node in the same transaction:
// pg_notify is delivered when the transaction commits, so nodes never hear of a revocation that
// rolled back (lib/auth/revocations.ts keeps the set in memory).

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 14;
export const REVOCATION_CHANNEL = "shootq_session_revoked";

/** What a revocation notice carries: one session, or every session of a user up to a time. */
export type RevocationNotice = { sessionId: string; expiresAt: number } | { userId: string; validAfter: number };

type Sql = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

async function notifyRevoked(tx: Tx, notice: RevocationNotice) {
  await tx.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, REVOCATION_CHANNEL, JSON.stringify(notice));
}

export type NewSession = { id: string; createdAt: Date; expiresAt: Date };

/**
 * Records a sign-in; the caller puts `id` and `createdAt` in the sign-in cookie. Both times come
 * from the database's clock, the one revocations are compared against.
 */
export async function createSession(
  db: Sql,
  { userId, userAgent, address }: { userId: string; userAgent?: string | null; address?: string | null },
): Promise<NewSession> {
  const [row] = await db.$queryRawUnsafe<NewSession[]>(
    `INSERT INTO "Session" (id, "userId", "createdAt", "expiresAt", "userAgent", address)
     VALUES ($1, $2, now(), now() + make_interval(secs => $3), $4, $5) RETURNING id, "createdAt", "expiresAt"`,
    randomBytes(18).toString("base64url"),
    userId,
    SESSION_MAX_AGE_SECONDS,
    userAgent?.slice(0, 300) ?? null,
    address?.slice(0, 64) ?? null,
  );
  return row;
}

/** Signs one session out on every node. Another user's session answers NOT_FOUND. */
export async function revokeSession(tx: Tx, { userId, sessionId }: { userId: string; sessionId: string }) {
  const [row] = await tx.$queryRawUnsafe<{ expiresAt: Date }[]>(
    `UPDATE "Session" SET "revokedAt" = now() WHERE id = $1 AND "userId" = $2 AND "revokedAt" IS NULL RETURNING "expiresAt"`,
    sessionId,
    userId,
  );
  if (!row) {
    const exists = await tx.session.findFirst({ where: { id: sessionId, userId }, select: { id: true } });
    if (!exists) throw notFound("That session");
    return;
  }
  await notifyRevoked(tx, { sessionId, expiresAt: row.expiresAt.getTime() });
}

/**
 * Signs every session of a user out on every node: sessions created up to now stop working.
 * Password change and reset, removal from a studio, re-invitation and "sign out everywhere".
 */
export async function revokeAllSessions(tx: Tx, { userId }: { userId: string }) {
  const [row] = await tx.$queryRawUnsafe<{ validAfter: Date }[]>(
    `UPDATE "User" SET "sessionsValidAfter" = now() WHERE id = $1 RETURNING "sessionsValidAfter" AS "validAfter"`,
    userId,
  );
  if (!row) throw notFound("That account");
  await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: row.validAfter } });
  await notifyRevoked(tx, { userId, validAfter: row.validAfter.getTime() });
}

/** The user's sessions still signed in, newest first, for "Your sessions" in account settings. */
export function findActiveSessions(db: Db, { userId }: { userId: string }) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, userAgent: true, address: true },
  });
}
