import { describe, expect, it } from "vitest";
import { openSessionCookie, pinCovers, prunePins, sealSessionCookie, sessionPasswords } from "@/lib/session";

const OLD = "old-secret-old-secret-old-secret-0123456789";
const NEW = "new-secret-new-secret-new-secret-0123456789";
const OTHER = "some-other-deployment-secret-0123456789abc";

describe("the sealed app cookie", () => {
  it("round-trips the pins, the brand filter and the flash message", async () => {
    const session = { pins: [{ lsn: "0/1A2B3C", paths: ["/leads"], exp: Date.now() + 60_000 }], brandId: "b1", flash: { kind: "success" as const, message: "Saved" } };
    const sealed = await sealSessionCookie(session, sessionPasswords(NEW));
    expect(sealed).not.toContain("0/1A2B3C");
    expect(await openSessionCookie(sealed, sessionPasswords(NEW))).toEqual(session);
  });

  it("after a secret rotation, cookies sealed with the previous secret still open, and new ones use the new secret", async () => {
    const before = await sealSessionCookie({ brandId: "kept" }, sessionPasswords(OLD));
    const rotated = sessionPasswords(NEW, OLD);
    expect(await openSessionCookie(before, rotated)).toEqual({ brandId: "kept" });
    const after = await sealSessionCookie({ brandId: "new" }, rotated);
    expect(await openSessionCookie(after, sessionPasswords(NEW))).toEqual({ brandId: "new" });
    expect(await openSessionCookie(after, sessionPasswords(OLD))).toEqual({});
  });

  it("a tampered, truncated or foreign cookie opens as an empty session instead of failing", async () => {
    const sealed = await sealSessionCookie({ brandId: "x" }, sessionPasswords(NEW));
    const flipped = sealed.slice(0, 40) + (sealed[40] === "a" ? "b" : "a") + sealed.slice(41);
    expect(await openSessionCookie(flipped, sessionPasswords(NEW))).toEqual({});
    expect(await openSessionCookie(sealed.slice(0, sealed.length - 10), sessionPasswords(NEW))).toEqual({});
    expect(await openSessionCookie("garbage", sessionPasswords(NEW))).toEqual({});
    expect(await openSessionCookie(await sealSessionCookie({ brandId: "x" }, sessionPasswords(OTHER)), sessionPasswords(NEW))).toEqual({});
  });
});

describe("read pins", () => {
  it("cover the written page and the pages below it, but not the site root's neighbours", () => {
    expect(pinCovers("/leads", "/leads")).toBe(true);
    expect(pinCovers("/leads", "/leads/123")).toBe(true);
    expect(pinCovers("/leads", "/leadsX")).toBe(false);
    expect(pinCovers("/", "/leads")).toBe(false);
    expect(pinCovers("*", "/anything/at/all")).toBe(true);
  });

  it("drop expired pins and merge the oldest so the cookie stays small, keeping the newest position", () => {
    const now = 1_000_000;
    const pins = Array.from({ length: 20 }, (_, i) => ({ lsn: `0/${(i + 1).toString(16).toUpperCase()}00`, paths: [`/p${i}`], exp: now + 1000 }));
    const expired = { lsn: "0/FFFFFF", paths: ["/gone"], exp: now - 1 };
    const pruned = prunePins([expired, ...pins], now);
    expect(pruned).toHaveLength(16);
    expect(pruned.flatMap((p) => p.paths)).not.toContain("/gone");
    expect(pruned.flatMap((p) => p.paths)).toEqual(pins.map((p) => p.paths[0]));
    expect(pruned[0].lsn).toBe("0/500");
  });
});
