// What a log line must never carry, in one place: the logger masks it (lib/log/index.ts) and the
// e2e log scan (scripts/testing/log-secrets.ts) looks for anything that slipped through.

export const REDACTED = "[redacted]";

/** Header and field names whose values are secrets wherever they appear. */
export const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "passwordHash",
  "currentPassword",
  "newPassword",
  "token",
  "secret",
  "csrfToken",
  "sessionToken",
] as const;

// Any key ending in Token, Secret or Password (apiToken, LINK_SECRET, clientSecret...), any case.
const SECRET_KEY = /(^|[-_a-z])(authorization|cookie|password|passwordhash|token|secret)$/i;

export const isSecretKey = (key: string) => SECRET_KEY.test(key) || SECRET_KEYS.some((k) => k === key.toLowerCase());

/**
 * The first path segment of every page or route whose next segment is a link token
 * (lib/urls.ts): client pages, invitations, confirmations, resets and the calendar feed.
 */
export const LINK_TOKEN_ROUTES = ["p", "q", "i", "c", "invite", "confirm-email", "reset-password", "api/calendar"];

/**
 * `route` as a pattern that also matches it percent-encoded, character by character (`/%70/…`
 * reaches the same page as `/p/…`, so its token must be masked the same way).
 */
const encodedToo = (route: string) =>
  [...route]
    .map((ch) => {
      const hex = ch.charCodeAt(0).toString(16).padStart(2, "0");
      const escaped = /[a-z0-9]/i.test(ch) ? ch : `\\${ch}`;
      return `(?:${escaped}|%[${hex[0]}${hex[0].toUpperCase()}][${hex[1]}${hex[1].toUpperCase()}])`;
    })
    .join("");
const SLASH = "(?:/|%2[fF])";
const LINK_PATH = new RegExp(
  `(${SLASH}(?:${LINK_TOKEN_ROUTES.map(encodedToo).join("|")})${SLASH})(?!\\[redacted\\])[^/?#\\s"'<>]+`,
  "g",
);
const TOKEN_PARAM = /([?&;](?:[a-z_]*token|secret|password|code)=)[^&#\s"'<>]+/gi;
const SESSION_COOKIE = /((?:__Secure-|__Host-)?next-auth\.[a-z-]*token(?:\.\d+)?=)[^;,\s"']+/gi;
const BEARER = /(\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi;
/** What lib/api-tokens issues: `sq_live_` and a random tail. */
const API_TOKEN = /\bsq_live_[A-Za-z0-9_-]+/g;

/** `text` with link tokens in paths, token-like query parameters, cookies and bearer tokens masked. */
export function redactText(text: string): string {
  return text
    .replace(LINK_PATH, `$1${REDACTED}`)
    .replace(TOKEN_PARAM, `$1${REDACTED}`)
    .replace(SESSION_COOKIE, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(API_TOKEN, `sq_live_${REDACTED}`);
}

/**
 * A copy of `value` safe to log: secret-named fields at any depth are replaced, strings are masked
 * with redactText, errors become { type, message, stack } (masked too). Cycles and depth are cut.
 */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value) || depth > 8) return "[…]";
  seen.add(value);
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const cause = (value as { cause?: unknown }).cause;
    return {
      type: name,
      message: redactText(message),
      ...(stack ? { stack: redactText(stack) } : {}),
      ...(cause !== undefined ? { cause: redactValue(cause, depth + 1, seen) } : {}),
    };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen));
  if (value instanceof Headers) return redactValue(Object.fromEntries(value.entries()), depth + 1, seen);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      isSecretKey(key) && v !== null && v !== undefined && v !== "" ? REDACTED : redactValue(v, depth + 1, seen);
  }
  return out;
}
