import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { bigIntToLsn, lsnToBigInt, maxLsn } from "@/lib/replication/lsn";

// Read-your-writes pins. Every write leaves its own small cookie, shootq_pin_<random id>: "reads of
// these pages must come from a host that has replayed WAL position <lsn>, until <exp>". A write
// deletes the pins its request carried and folds them into its own, which is correct because
// their writes committed before this request began, so this write's later position covers them.
// Two writes sent at once with the same cookies therefore leave two pins, whichever response the
// browser applies last: nothing depends on arrival order.
//
// A pin is signed, not sealed: it holds nothing secret, and a forged one can only send its own
// sender's reads to the primary. Paths are stored as 24-bit hashes; a collision only pins one
// more page than needed. Size: a pin cookie is at most ~95 bytes (name, position, expiry, up to
// MAX_PIN_PATHS hashes, 96-bit signature); a request carries one per write still in flight plus
// one, and the proxy folds more than MAX_PINS into one.

export const PIN_COOKIE_PREFIX = "shootq_pin_";
/** Pages a pin names one by one; beyond that it covers every page ("*"). */
export const MAX_PIN_PATHS = 8;
/** Pins a request may carry before the proxy folds them into one. */
export const MAX_PINS = 4;

/** Every page, or the hashes of the paths whose pages (and pages below them) are pinned. */
export type PinScope = "*" | string[];
/** `lsn` null: the position could not be read after the commit (see the routing rule). `exp` in epoch seconds. */
export type ReadPin = { lsn: string | null; exp: number; scope: PinScope };
export type NamedPin = ReadPin & { name: string };

const KEY_LENGTH = 4;
const MAC_LENGTH = 16;

const pathKey = (path: string) => createHash("sha256").update(path).digest("base64url").slice(0, KEY_LENGTH);

/** "/jobs/1/workflow" -> the keys of "/jobs", "/jobs/1" and "/jobs/1/workflow": a pin on any of them covers it. */
function coveringKeys(pathname: string): string[] {
  if (pathname === "/" || pathname === "") return [pathKey("/")];
  const parts = pathname.split("/").filter(Boolean);
  return parts.map((_, i) => pathKey(`/${parts.slice(0, i + 1).join("/")}`));
}

/** The scope of a write that changed `paths` ("*" for every page). */
export function scopeFor(paths: string[]): PinScope {
  if (paths.includes("*")) return "*";
  const clean = [...new Set(paths.map((p) => (p === "/" ? "/" : p.replace(/\/+$/, ""))))];
  // "/jobs" already covers "/jobs/1/workflow": fewer keys before the pin has to cover everything.
  const needed = clean.filter((p) => !clean.some((other) => other !== p && other !== "/" && p.startsWith(`${other}/`)));
  return unionScopes([needed.map(pathKey)]);
}

export function unionScopes(scopes: PinScope[]): PinScope {
  if (scopes.some((s) => s === "*")) return "*";
  const keys = [...new Set((scopes as string[][]).flat())];
  return keys.length > MAX_PIN_PATHS ? "*" : keys;
}

/**
 * Pages that show records of every domain (Settings → Emails previews each email on its latest
 * proposal, payment, …): any write of the user's covers them, rather than every action naming them.
 */
export const READS_EVERY_WRITE = ["/settings/emails"];

/** Whether the pin covers `pathname`: the pinned pages and every page below them, and the pages that read every write. */
export function pinCovers(pin: Pick<ReadPin, "scope">, pathname: string): boolean {
  if (pin.scope === "*") return true;
  if (READS_EVERY_WRITE.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return true;
  const keys = pin.scope;
  return coveringKeys(pathname).some((k) => keys.includes(k));
}

/** One pin standing for several: the highest position (unknown if any is), every path, the latest expiry. */
export function foldPins(pins: ReadPin[]): ReadPin {
  const lsns = pins.map((p) => p.lsn);
  return {
    lsn: lsns.includes(null) ? null : (lsns as string[]).reduce(maxLsn),
    exp: Math.max(...pins.map((p) => p.exp)),
    scope: unionScopes(pins.map((p) => p.scope)),
  };
}

const mac = (body: string, secret: string) =>
  createHmac("sha256", secret).update(`pin.${body}`).digest("base64url").slice(0, MAC_LENGTH);

/** The cookie value: <lsn hex | u>.<exp base36>.<* | key~key…>.<signature>. */
export function encodePin(pin: ReadPin, secret: string): string {
  const body = [
    pin.lsn ? lsnToBigInt(pin.lsn).toString(16) : "u",
    pin.exp.toString(36),
    pin.scope === "*" ? "*" : pin.scope.join("~"),
  ].join(".");
  return `${body}.${mac(body, secret)}`;
}

const PIN_FORMAT = /^(u|[0-9a-f]{1,16})\.([0-9a-z]{1,8})\.(\*|[\w-]{4}(?:~[\w-]{4}){0,15})\.([\w-]{16})$/;

/** A pin signed with any of `secrets` (current first, then the one before a rotation), or null. */
export function decodePin(value: string, secrets: string[]): ReadPin | null {
  const m = PIN_FORMAT.exec(value);
  if (!m) return null;
  const body = value.slice(0, value.lastIndexOf("."));
  const given = Buffer.from(m[4]);
  if (!secrets.some((s) => timingSafeEqual(Buffer.from(mac(body, s)), given))) return null;
  return {
    lsn: m[1] === "u" ? null : bigIntToLsn(BigInt(`0x${m[1]}`)),
    exp: parseInt(m[2], 36),
    scope: m[3] === "*" ? "*" : m[3].split("~"),
  };
}

export const newPinName = () => `${PIN_COOKIE_PREFIX}${randomBytes(4).toString("base64url")}`;

/** The request's pins: the valid, unexpired ones, and the names of cookies to delete (forged, garbled, expired). */
export function readPinCookies(
  cookies: { name: string; value: string }[],
  secrets: string[],
  now = Date.now(),
): { live: NamedPin[]; dead: string[] } {
  const live: NamedPin[] = [];
  const dead: string[] = [];
  for (const { name, value } of cookies) {
    if (!name.startsWith(PIN_COOKIE_PREFIX)) continue;
    const pin = decodePin(value, secrets);
    if (pin && pin.exp * 1000 > now) live.push({ ...pin, name });
    else dead.push(name);
  }
  return { live, dead };
}
