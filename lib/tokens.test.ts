import { describe, expect, it } from "vitest";
import { derivedLinkToken, hashToken, linkToken, linkTokenHash } from "@/lib/tokens";

describe("link tokens", () => {
  it("are 32 bytes of HMAC, different per purpose, row and version, and unusable without the secret", () => {
    const token = linkToken("proposal", "row-1");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(
      new Set([
        token,
        linkToken("questionnaire", "row-1"),
        linkToken("proposal", "row-2"),
        linkToken("proposal", "row-1", 1),
      ]).size,
    ).toBe(4);
    expect(linkToken("proposal", "row-1", 0, "another-secret-0123456789abcdefghijkl")).not.toBe(token);
    expect(linkTokenHash("proposal", "row-1")).toBe(hashToken(token));
  });

  it("are shown again only when the stored hash is the derived one", () => {
    expect(derivedLinkToken("proposal", "row-1", linkTokenHash("proposal", "row-1"))).toBe(
      linkToken("proposal", "row-1"),
    );
    expect(derivedLinkToken("proposal", "row-1", hashToken("an-older-random-token"))).toBeNull();
    expect(derivedLinkToken("proposal", "row-1", null)).toBeNull();
  });
});
