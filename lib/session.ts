import { getIronSession, sealData, unsealData, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { maxLsn } from "@/lib/lsn";

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

export function sessionOptions(): SessionOptions {
  const e = env();
  // The highest id seals new cookies; older ids still open cookies sealed before a rotation.
  const password: Record<string, string> = { 2: e.SESSION_SECRET };
  if (e.SESSION_SECRET_PREVIOUS) password[1] = e.SESSION_SECRET_PREVIOUS;
  return {
    password,
    cookieName: APP_COOKIE,
    ttl: 60 * 60 * 24 * 14,
    cookieOptions: { httpOnly: true, sameSite: "lax", secure: isSecureCookies(), path: "/" },
  };
}

/** The session for server components, actions and route handlers. Tampered or expired: empty. */
export async function getAppSession() {
  return getIronSession<AppSession>(await cookies(), sessionOptions());
}

/** Opens a raw cookie value (proxy.ts has no cookies() store). Anything invalid opens as {}. */
export async function openSessionCookie(value: string | undefined): Promise<AppSession> {
  if (!value) return {};
  const opts = sessionOptions();
  return unsealData<AppSession>(value, { password: opts.password, ttl: opts.ttl });
}

export async function sealSessionCookie(session: AppSession): Promise<string> {
  const opts = sessionOptions();
  return sealData(session, { password: opts.password, ttl: opts.ttl });
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
