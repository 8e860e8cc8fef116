/**
 * The address an inquiry came from, for the per-address rate limit. X-Real-IP is set by our own
 * nginx; otherwise the last X-Forwarded-For entry is the one added by the proxy nearest to us
 * (earlier entries are whatever the client claimed, so trusting the first would let a spammer
 * pick a fresh key for every request).
 */
export function clientAddress(headers: Headers): string {
  const real = headers.get("x-real-ip")?.trim();
  if (real) return real.slice(0, 64);
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (forwarded?.length) return forwarded[forwarded.length - 1].slice(0, 64);
  return "unknown";
}
