// One rule for every place that sends a browser somewhere it was told to go (sign-in's
// callbackUrl, the brand picker's returnTo, a broadcast's link): resolve it the way a browser
// would, with the WHATWG URL parser (which reads "\" as "/" and drops tabs and newlines), and
// keep it only if it stays on this site. Runs in the browser too: no server imports.

const BASE = "https://shootq.invalid";

/** `value` as a path on this site, or null when following it would leave (`//x`, `/\x`, `javascript:`). */
export function sameSitePath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000 || !value.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  // "/.//x" resolves to the path "//x", which a browser would read as another host.
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}

/** Where to send the browser: `value` when it stays on this site, `fallback` otherwise. */
export function safeRedirect(value: string | null | undefined, fallback = "/dashboard"): string {
  return sameSitePath(value) ?? fallback;
}

/** An absolute http(s) link to another site, as typed (for links that open elsewhere on purpose). */
export function externalHttpLink(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}
