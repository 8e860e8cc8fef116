import { env } from "@/lib/env";

/**
 * The key a rate limit counts a client's attempts under. Forwarded headers are trusted only
 * from the configured number of proxy hops (TRUSTED_PROXY_HOPS): each proxy appends the
 * address it received the request from to X-Forwarded-For, so with N hops the N-th entry from
 * the right was written by our outermost proxy, and everything left of it is whatever the client
 * claimed. X-Real-IP is never read: a client reaching a node directly could set it.
 *
 * With 0 hops (a node serving clients itself) the key is the constant "direct": Next.js does not
 * hand the socket's address to actions or route handlers, and the X-Forwarded-For it fills in
 * from the socket cannot be told apart from one the client sent. Every direct client then shares
 * one bucket, which is safe (limits still hold) but coarse; deploy behind a proxy for per-address limits.
 */
export const DIRECT_CLIENT = "direct";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function forwardedFor(headers: HeaderSource): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get("x-forwarded-for") ?? undefined;
  const value = headers["x-forwarded-for"];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource, hops: number = env().TRUSTED_PROXY_HOPS): string {
  if (hops <= 0) return DIRECT_CLIENT;
  const entries = (forwardedFor(headers) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through them, so nothing in it is ours.
  if (entries.length < hops) return DIRECT_CLIENT;
  return entries[entries.length - hops].slice(0, 64);
}
