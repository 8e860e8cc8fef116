import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isSecureCookies } from "@/lib/session";

// A browser that has signed in to an account before carries a signed note of it. The sign-in
// limit per account (which slows a spray of guesses from many addresses) does not apply to it,
// so an attacker hammering an account cannot lock its owner out of their own browser.

export const DEVICE_COOKIE = "shootq_device";
const MAX_ACCOUNTS = 5;
const MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

const mac = (purpose: string, value: string) =>
  createHmac("sha256", `${env().NEXTAUTH_SECRET}:known-device:${purpose}`).update(value).digest("base64url");
const signature = (payload: string) => mac("cookie", payload);
// The cookie names accounts by a keyed hash of their email: it can be checked before the
// account is looked up, and reveals no address to whoever reads the browser's cookies.
const accountMark = (email: string) => mac("account", email.toLowerCase()).slice(0, 22);

/** The accounts this browser has signed in to, from its cookie; forged or garbled means none. */
function knownAccounts(value: string | undefined): string[] {
  const [payload, mac] = (value ?? "").split(".");
  if (!payload || !mac) return [];
  const expected = Buffer.from(signature(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  try {
    const ids = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string").slice(0, MAX_ACCOUNTS) : [];
  } catch {
    return [];
  }
}

/** Whether this browser (its device cookie) has signed in to the account of `email` before. */
export function isKnownDevice(cookie: string | undefined, email: string): boolean {
  return knownAccounts(cookie).includes(accountMark(email));
}

/** The cookie to set after the account of `email` signed in (or reset its password) in this browser. */
export function knownDeviceCookie(current: string | undefined, email: string) {
  const mark = accountMark(email);
  const ids = [mark, ...knownAccounts(current).filter((id) => id !== mark)].slice(0, MAX_ACCOUNTS);
  const payload = Buffer.from(JSON.stringify(ids)).toString("base64url");
  return {
    name: DEVICE_COOKIE,
    value: `${payload}.${signature(payload)}`,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: isSecureCookies(),
      path: "/",
      maxAge: MAX_AGE_SECONDS,
    },
  };
}
