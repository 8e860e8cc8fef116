import "server-only";
import { type SessionUser } from "@/lib/auth/options";
import { primaryDb } from "@/lib/db";
import { env } from "@/lib/env";
import { countAttempt } from "@/lib/rate-limit";
import { findLink } from "@/lib/link-directory";
import { API_TOKEN_PREFIX } from "@/lib/api-tokens/mutations";
import { type ApiTokenScope } from "@/prisma/generated/prisma/enums";

export type ApiPrincipal = {
  tokenId: string;
  scope: ApiTokenScope;
  user: SessionUser & { studioId: string };
  /** The studio's zone, read with the token (on the primary): "today" and "upcoming" are the studio's. */
  timeZone: string;
};

/** Why a request is refused before it reaches a handler; `headers` go on the problem response. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const LAST_USED_EVERY_MS = 60_000;

/**
 * The owner behind a bearer token, looked up on the primary so a revoked token stops at once on
 * every node. A token also stops when its owner leaves the studio or is no longer its owner.
 */
async function findPrincipal(secret: string): Promise<(ApiPrincipal & { lastUsedAt: Date | null }) | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const link = await findLink(primaryDb(), secret);
  if (!link) return null;
  const token = await primaryDb().apiToken.findUnique({
    where: { studioId_tokenHash: link },
    select: {
      id: true,
      studioId: true,
      scope: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, studioId: true, removedAt: true } },
      studio: { select: { timeZone: true } },
    },
  });
  if (!token || token.revokedAt) return null;
  const { removedAt, ...user } = token.user;
  if (removedAt || user.studioId !== token.studioId || user.role !== "OWNER") return null;
  return {
    tokenId: token.id,
    scope: token.scope,
    lastUsedAt: token.lastUsedAt,
    user: { ...user, studioId: token.studioId },
    timeZone: token.studio.timeZone,
  };
}

/** The IETF RateLimit-* fields of an attempt. */
function rateLimitHeaders(limit: number, count: number, resetSeconds: number): Record<string, string> {
  return {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, limit - count)),
    "RateLimit-Reset": String(resetSeconds),
  };
}

/**
 * Verifies the request's `Authorization: Bearer sq_live_…` token, counts the request against the
 * token's per-minute limit (in the database, so every node shares the count) and notes when the
 * token was last used, at most once a minute (a conditional update, so nodes racing write once).
 */
export async function authenticateApiRequest(
  request: Request,
): Promise<{ principal: ApiPrincipal; headers: Record<string, string> }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  const principal = match ? await findPrincipal(match[1]) : null;
  if (!principal)
    throw new ApiRefusal(401, "Send a valid API token: Authorization: Bearer sq_live_… (Settings → API tokens).", {
      "WWW-Authenticate": 'Bearer realm="ShootQ API"',
    });
  const max = env().API_RATE_LIMIT_PER_MINUTE;
  const attempt = await countAttempt(primaryDb(), { bucket: "api", key: principal.tokenId, max, windowSeconds: 60 });
  const headers = rateLimitHeaders(max, attempt.count, attempt.retryAfterSeconds);
  if (!attempt.allowed)
    throw new ApiRefusal(429, `This token made more than ${max} requests this minute.`, {
      ...headers,
      "Retry-After": String(attempt.retryAfterSeconds),
    });
  if (!principal.lastUsedAt || Date.now() - principal.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    const stale = new Date(Date.now() - LAST_USED_EVERY_MS);
    await primaryDb().apiToken.updateMany({
      where: {
        id: principal.tokenId,
        studioId: principal.user.studioId,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }],
      },
      data: { lastUsedAt: new Date() },
    });
  }
  const { tokenId, scope, user, timeZone } = principal;
  return { principal: { tokenId, scope, user, timeZone }, headers };
}
