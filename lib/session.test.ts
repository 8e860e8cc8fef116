import { describe, expect, it } from "vitest";
import { openSealed, seal, sessionPasswords } from "@/lib/session";

const OLD = "old-secret-old-secret-old-secret-0123456789";
const NEW = "new-secret-new-secret-new-secret-0123456789";
const OTHER = "some-other-deployment-secret-0123456789abc";

describe("the sealed app cookies (brand filter, flash messages)", () => {
  it("round-trip what they hold, unreadable to the browser", async () => {
    const flash = { kind: "success" as const, message: "Saved", at: 1 };
    const sealed = await seal(flash, sessionPasswords(NEW));
    expect(sealed).not.toContain("Saved");
    expect(await openSealed(sealed, sessionPasswords(NEW))).toEqual(flash);
  });

  it("after a secret rotation, cookies sealed with the previous secret still open, and new ones use the new secret", async () => {
    const before = await seal({ brandId: "kept" }, sessionPasswords(OLD));
    const rotated = sessionPasswords(NEW, OLD);
    expect(await openSealed(before, rotated)).toEqual({ brandId: "kept" });
    const after = await seal({ brandId: "new" }, rotated);
    expect(await openSealed(after, sessionPasswords(NEW))).toEqual({ brandId: "new" });
    expect(await openSealed(after, sessionPasswords(OLD))).toBeNull();
  });

  it("a tampered, truncated or foreign cookie opens as nothing instead of failing", async () => {
    const sealed = await seal({ brandId: "x" }, sessionPasswords(NEW));
    const flipped = sealed.slice(0, 40) + (sealed[40] === "a" ? "b" : "a") + sealed.slice(41);
    expect(await openSealed(flipped, sessionPasswords(NEW))).toBeNull();
    expect(await openSealed(sealed.slice(0, sealed.length - 10), sessionPasswords(NEW))).toBeNull();
    expect(await openSealed("garbage", sessionPasswords(NEW))).toBeNull();
    expect(await openSealed(await seal({ brandId: "x" }, sessionPasswords(OTHER)), sessionPasswords(NEW))).toBeNull();
  });
});
