import { describe, expect, it } from "vitest";
import { externalHttpLink, safeRedirect, sameSitePath } from "@/lib/safe-redirect";

describe("the safe redirect", () => {
  it("keeps every path on this site, query and fragment included", () => {
    expect(safeRedirect("/leads?status=NEW#top")).toBe("/leads?status=NEW#top");
    expect(safeRedirect("/jobs/123")).toBe("/jobs/123");
  });

  it("sends anything that would leave the site to the fallback", () => {
    for (const attack of [
      "//evil.example",
      "/\\evil.example",
      "/%5Cevil.example".replace("%5C", "\\"),
      "\\\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "https://evil.example/",
      "/.//evil.example/x",
      "evil.example",
      "",
      null,
      undefined,
    ]) {
      const target = safeRedirect(attack as string | null | undefined);
      expect(new URL(target, "https://shootq.example").host, String(attack)).toBe("shootq.example");
    }
    expect(safeRedirect("//evil.example")).toBe("/dashboard");
    expect(safeRedirect("/\\evil.example", "/")).toBe("/");
  });

  it("keeps a percent-encoded backslash as a harmless path on this site", () => {
    expect(sameSitePath("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(new URL(sameSitePath("/%5Cevil.example")!, "https://shootq.example").host).toBe("shootq.example");
  });

  it("recognises deliberate links to other sites only when they are http(s)", () => {
    expect(externalHttpLink("https://help.shootq.example/guide")).toBe("https://help.shootq.example/guide");
    expect(externalHttpLink("javascript:alert(1)")).toBeNull();
    expect(externalHttpLink("/settings")).toBeNull();
  });
});
