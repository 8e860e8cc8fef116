import { createHash } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { maxLsn } from "@/lib/replication/lsn";

// The app's own sealed cookie: state that must follow a user from node to node.
// Sign-in itself is next-auth's JWT cookie; this one holds read pins, the brand filter and flash.

/** After a write, reads of `paths` must see WAL position `lsn` until `exp` (epoch ms). */
export type ReadPin = { lsn: string; paths: string[]; exp: number };
export type Flash = { kind: "success" | "error"; message: string };
export type AppSession = { pins?: ReadPin[]; brandId?: string; flash?: Flash };

export const APP_COOKIE = "shootq_app";
const MAX_PINS = 16;

export function isSecureCookies(): boolean {
  const e = env();
  return e.SECURE_COOKIES ? e.SECURE_COOKIES === "true" : e.NODE_ENV === "production";
}

type Passwords = { seal: Record<string, string>; open: Record<string, string> };

// Each secret's id is derived from the secret itself, so a cookie sealed before a rotation names
// the id its secret still has afterwards, whichever variable that secret has moved to.
const secretId = (secret: string) => String(parseInt(createHash("sha256").update(secret).digest("hex").slice(0, 8), 16));

/** New cookies are sealed with `current`; cookies sealed with `previous` still open. */
export function sessionPasswords(current: string, previous?: string): Passwords {
  const seal = { [secretId(current)]: current };
  return { seal, open: previous ? { ...seal, [secretId(previous)]: previous } : seal };
}

const TTL_SECONDS = 60 * 60 * 24 * 14;

function cookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: isSecureCookies(), path: "/", maxAge: TTL_SECONDS };
}

function currentPasswords(): Passwords {
  const e = env();
  return sessionPasswords(e.SESSION_SECRET, e.SESSION_SECRET_PREVIOUS);
}

/** Opens a cookie value. Tampered, expired, truncated or foreign: an empty session, never an error. */
export async function openSessionCookie(value: string | undefined, passwords = currentPasswords()): Promise<AppSession> {
  if (!value) return {};
  try {
    return await unsealData<AppSession>(value, { password: passwords.open, ttl: TTL_SECONDS });
  } catch {
    return {};
  }
}

export async function sealSessionCookie(session: AppSession, passwords = currentPasswords()): Promise<string> {
  return sealData(session, { password: passwords.seal, ttl: TTL_SECONDS });
}

export type MutableSession = AppSession & { save(): Promise<void>; destroy(): Promise<void> };

/** The session for server components (read only), actions and route handlers (read and save). */
export async function getAppSession(): Promise<MutableSession> {
  const store = await cookies();
  const session: MutableSession = {
    ...(await openSessionCookie(store.get(APP_COOKIE)?.value)),
    async save() {
      const data: AppSession = { pins: session.pins, brandId: session.brandId, flash: session.flash };
      store.set(APP_COOKIE, await sealSessionCookie(data), cookieOptions());
    },
    async destroy() {
      store.delete(APP_COOKIE);
    },
  };
  return session;
}

/** Drops expired pins and keeps the cookie small: beyond MAX_PINS, merges the oldest into one. */
export function prunePins(pins: ReadPin[], now = Date.now()): ReadPin[] {
  const live = pins.filter((p) => p.exp > now);
  if (live.length <= MAX_PINS) return live;
  const overflow = live.slice(0, live.length - MAX_PINS + 1);
  const merged: ReadPin = {
    lsn: overflow.map((p) => p.lsn).reduce(maxLsn),
    paths: [...new Set(overflow.flatMap((p) => p.paths))],
    exp: Math.max(...overflow.map((p) => p.exp)),
  };
  return [merged, ...live.slice(overflow.length)];
}

/** Whether a pin for `pinned` covers `pathname`: the page and pages below it; "*" covers every page. */
export function pinCovers(pinned: string, pathname: string): boolean {
  if (pinned === pathname || pinned === "*") return true;
  if (pinned === "/") return false;
  return pathname.startsWith(pinned.endsWith("/") ? pinned : `${pinned}/`);
}
