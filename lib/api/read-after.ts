import { type ReadPin } from "@/lib/replication/pins";

// Read-your-writes for API clients, which keep no cookies. Every write through the API answers
// with the primary's WAL position after its commit in X-ShootQ-Read-After. A client that sends that
// value back on a later GET is read from a replica that has replayed it, or else from the primary:
// the same rule as a browser's pin cookie, applied to every /api/v1 path. Nothing is kept on any
// node or in the database. The header needs no signature: a made-up position can only send its
// sender's own reads to the primary (and counts against its rate limit like any request).

export const READ_AFTER_HEADER = "x-shootq-read-after";

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** The pin a GET under /api/v1 carries in its X-ShootQ-Read-After header; null when absent or malformed. */
export function readAfterPin(pathname: string, value: string | null): ReadPin | null {
  if (!pathname.startsWith("/api/v1/") || !value || !LSN.test(value.trim())) return null;
  return { lsn: value.trim().toUpperCase(), exp: 0, scope: "*" };
}
