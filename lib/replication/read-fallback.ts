import type { Db } from "@/lib/db";
import { isUnavailableError } from "@/lib/errors";
import { currentRequestLogger } from "@/lib/log/request";
import { metrics } from "@/lib/metrics/registry";
import type { Prisma } from "@/prisma/generated/prisma/client";

// No "server-only" here: the bench times the app's own report queries in plain Node.

/**
 * Runs `first`; when it fails in a way `retryIf` accepts, runs `second` once instead. The one place
 * a read moves between hosts: replica to primary (a replica dying mid-query) and primary to replica
 * (a primary-first read while the primary is down).
 */
export async function readWithFallback<T>(
  first: () => Promise<T>,
  second: () => Promise<T>,
  retryIf: (error: unknown) => boolean,
  what: string,
): Promise<T> {
  try {
    return await first();
  } catch (error) {
    if (!retryIf(error)) throw error;
    metrics().readFallbacks.inc();
    if (!isUnavailableError(error))
      (await currentRequestLogger()).warn(
        { what, error: String((error as Error)?.message ?? error).slice(0, 300) },
        "read failed, retried on another host",
      );
    return second();
  }
}

// Any failure of a replica read is retried once on the primary: a replica dying mid-query surfaces
// in many shapes (refused, reset, terminated, closed), and a genuine query error simply fails again
// there. Only a query Prisma rejected before sending is not retried.
export const isReplicaFailure = (error: unknown) => (error as Error)?.name !== "PrismaClientValidationError";

/** Raw SQL on this request's read host (the read-replicas extension would send it to the primary). */
export function readRaw<T>(db: Db, query: Prisma.Sql): Promise<T> {
  return readWithFallback(
    () => db.$replica().$queryRaw<T>(query),
    () => db.$primary().$queryRaw<T>(query),
    isReplicaFailure,
    "raw read",
  );
}
