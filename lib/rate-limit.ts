import { AppError } from "@/lib/errors";

// Counted in the database so every app node sees the same counts. One row per bucket and key,
// changed by one atomic statement per attempt (the row lock orders concurrent attempts), so 50
// attempts at once get the numbers 1 to 50 and only the first `max` go ahead.

/** Anything that runs one SQL statement: the primary client, or a write transaction. */
type Sql = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

export type Limit = {
  bucket: string;
  key: string;
  /** Attempts allowed per window. */
  max: number;
  windowSeconds: number;
  /**
   * Each attempt beyond `max` pushes the window's end further (doubling from one window), up to
   * this long: someone who keeps trying keeps waiting longer. Defaults to one window (no growth).
   */
  maxBlockSeconds?: number;
};

export type Attempt = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Counts one attempt against `limit`; allowed while the window's count is at most `max`. */
export async function countAttempt(db: Sql, limit: Limit): Promise<Attempt> {
  const [attempt] = await countAttempts(db, [limit]);
  return attempt;
}

/**
 * Counts one attempt against each of `limits` in a single statement: one round trip, its rows
 * taken in a fixed order (so two such statements never wait on each other in a circle). An
 * attempt beyond `max` pushes the window's end further: one window, then two, four... up to
 * `maxBlockSeconds`. Returns the attempts in the order of `limits`.
 */
export async function countAttempts(db: Sql, limits: Limit[]): Promise<Attempt[]> {
  const rows = limits
    .map((limit) => ({
      limit,
      key: limit.key.slice(0, 320),
      block: Math.max(limit.maxBlockSeconds ?? limit.windowSeconds, limit.windowSeconds),
    }))
    .sort((a, b) => `${a.limit.bucket}\u0000${a.key}`.localeCompare(`${b.limit.bucket}\u0000${b.key}`));
  const counted = await db.$queryRawUnsafe<{ bucket: string; key: string; count: number; retry: number }[]>(
    `WITH l AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::int[], $5::float8[]) WITH ORDINALITY AS l(bucket, key, window_s, max_n, block_s, ord))
     INSERT INTO "RateLimit" AS r (bucket, key, count, "resetAt")
     SELECT bucket, key, 1, now() + make_interval(secs => window_s) FROM l ORDER BY ord
     ON CONFLICT (bucket, key) DO UPDATE SET
       count = CASE WHEN r."resetAt" <= now() THEN 1 ELSE r.count + 1 END,
       "resetAt" = (
         SELECT CASE
           WHEN r."resetAt" <= now() THEN now() + make_interval(secs => l.window_s)
           WHEN r.count + 1 > l.max_n THEN greatest(r."resetAt", now() + make_interval(secs => least(l.block_s, l.window_s * power(2, least(r.count - l.max_n, 30)))))
           ELSE r."resetAt" END
         FROM l WHERE l.bucket = excluded.bucket AND l.key = excluded.key)
     RETURNING bucket, key, count, ceil(extract(epoch FROM "resetAt" - now()))::int AS retry`,
    rows.map((r) => r.limit.bucket),
    rows.map((r) => r.key),
    rows.map((r) => r.limit.windowSeconds),
    rows.map((r) => r.limit.max),
    rows.map((r) => r.block),
  );
  return limits.map((limit) => {
    const row = counted.find((c) => c.bucket === limit.bucket && c.key === limit.key.slice(0, 320))!;
    return { allowed: row.count <= limit.max, count: row.count, retryAfterSeconds: Math.max(1, row.retry) };
  });
}

/** Gives back an attempt that turned out to be legitimate (the right password). */
export async function refundAttempt(db: Sql, limit: Pick<Limit, "bucket" | "key">): Promise<void> {
  await db.$queryRawUnsafe(
    `UPDATE "RateLimit" SET count = greatest(count - 1, 0) WHERE bucket = $1 AND key = $2 AND "resetAt" > now()`,
    limit.bucket,
    limit.key.slice(0, 320),
  );
}

/** Forgets every attempt of `limit`'s key. */
export async function resetLimit(db: Sql, limit: Pick<Limit, "bucket" | "key">): Promise<void> {
  await db.$queryRawUnsafe(
    `DELETE FROM "RateLimit" WHERE bucket = $1 AND key = $2`,
    limit.bucket,
    limit.key.slice(0, 320),
  );
}

export const waitText = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : minutes < 120 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
};

/** Counts one attempt and refuses it with RATE_LIMITED beyond the limit; `what` names it for the message. */
export async function enforceLimit(db: Sql, limit: Limit, what: string): Promise<void> {
  const attempt = await countAttempt(db, limit);
  if (!attempt.allowed)
    throw new AppError("RATE_LIMITED", `${what} Please try again in ${waitText(attempt.retryAfterSeconds)}.`);
}
