import { createHash, randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

// The app's own cookies: state that must follow a user from node to node. Sign-in itself is
// next-auth's JWT cookie. Each piece of state that changes on its own has a cookie of its own,
// written only by what changes it, so a response racing another can never erase it:
//   shootq_brand        the brand filter, written only by the brand picker (sealed)
//   shootq_flash_<id>   one per flash message, written by the write that made it and deleted by
//                       the page that showed it (sealed)
//   shootq_pin_<id>     read-your-writes pins (signed; lib/replication/pins.ts, lib/revalidate.ts)

export type Flash = { kind: "success" | "error"; message: string };
export type ShownFlash = Flash & { id: string };

export const BRAND_COOKIE = "shootq_brand";
export const FLASH_COOKIE_PREFIX = "shootq_flash_";
/** The single sealed cookie of earlier releases; the proxy deletes it. */
export const LEGACY_APP_COOKIE = "shootq_app";

const BRAND_TTL_SECONDS = 60 * 60 * 24 * 14;
// A flash is for the next page; one that was never shown does not linger.
const FLASH_TTL_SECONDS = 60 * 10;

export function isSecureCookies(): boolean {
  const e = env();
  return e.SECURE_COOKIES ? e.SECURE_COOKIES === "true" : e.NODE_ENV === "production";
}

type Passwords = { seal: Record<string, string>; open: Record<string, string> };

// Each secret's id is derived from the secret itself, so a cookie sealed before a rotation names
// the id its secret still has afterwards, whichever variable that secret has moved to.
const secretId = (secret: string) =>
  String(parseInt(createHash("sha256").update(secret).digest("hex").slice(0, 8), 16));

/** New cookies are sealed with `current`; cookies sealed with `previous` still open. */
export function sessionPasswords(current: string, previous?: string): Passwords {
  const seal = { [secretId(current)]: current };
  return { seal, open: previous ? { ...seal, [secretId(previous)]: previous } : seal };
}

function currentPasswords(): Passwords {
  const e = env();
  return sessionPasswords(e.SESSION_SECRET, e.SESSION_SECRET_PREVIOUS);
}

/** Secrets that sign pins: new pins with the first, pins signed before a rotation verify with the second. */
export function signingSecrets(): string[] {
  const e = env();
  return [e.SESSION_SECRET, ...(e.SESSION_SECRET_PREVIOUS ? [e.SESSION_SECRET_PREVIOUS] : [])];
}

export function cookieOptions(maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: isSecureCookies(), path: "/", maxAge };
}

/** Opens a sealed value. Tampered, expired, truncated or foreign: null, never an error. */
export async function openSealed<T>(
  value: string | undefined,
  passwords = currentPasswords(),
  ttl = BRAND_TTL_SECONDS,
): Promise<T | null> {
  if (!value) return null;
  try {
    const data = await unsealData<T | Record<string, never>>(value, { password: passwords.open, ttl });
    return data && Object.keys(data).length > 0 ? (data as T) : null;
  } catch {
    return null;
  }
}

export async function seal<T extends object>(
  data: T,
  passwords = currentPasswords(),
  ttl = BRAND_TTL_SECONDS,
): Promise<string> {
  return sealData(data, { password: passwords.seal, ttl });
}

/** The brand the user last picked in the header, unchecked (see lib/brands/filter.ts). */
export async function readBrandChoice(): Promise<string | undefined> {
  const choice = await openSealed<{ brandId: string }>((await cookies()).get(BRAND_COOKIE)?.value);
  return choice?.brandId;
}

/** Only the brand picker calls this; undefined means all brands. */
export async function saveBrandChoice(brandId: string | undefined): Promise<void> {
  const store = await cookies();
  if (!brandId) store.delete(BRAND_COOKIE);
  else store.set(BRAND_COOKIE, await seal({ brandId }), cookieOptions(BRAND_TTL_SECONDS));
}

/** Leaves a one-shot message for the next page, in a cookie of its own. */
export async function addFlash(flash: Flash): Promise<void> {
  const id = randomBytes(4).toString("base64url");
  (await cookies()).set(
    `${FLASH_COOKIE_PREFIX}${id}`,
    await seal({ ...flash, at: Date.now() }, undefined, FLASH_TTL_SECONDS),
    cookieOptions(FLASH_TTL_SECONDS),
  );
}

/** The flash messages waiting for this user, oldest first. */
export async function readFlashes(): Promise<ShownFlash[]> {
  const found = await Promise.all(
    (await cookies())
      .getAll()
      .filter((c) => c.name.startsWith(FLASH_COOKIE_PREFIX))
      .map(async (c) => {
        const flash = await openSealed<Flash & { at: number }>(c.value, undefined, FLASH_TTL_SECONDS);
        return flash
          ? { id: c.name.slice(FLASH_COOKIE_PREFIX.length), kind: flash.kind, message: flash.message, at: flash.at }
          : null;
      }),
  );
  return found
    .filter((f) => f !== null)
    .sort((a, b) => a.at - b.at)
    .map(({ id, kind, message }) => ({ id, kind, message }));
}

/** Deletes the flash cookies a page has shown, and only those: a newer one stays for the next page. */
export async function clearFlashes(ids: string[]): Promise<void> {
  const store = await cookies();
  for (const id of ids) if (store.has(`${FLASH_COOKIE_PREFIX}${id}`)) store.delete(`${FLASH_COOKIE_PREFIX}${id}`);
}
