import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assetUrl } from "@/lib/assets";

describe("assetUrl", () => {
  it("stamps a public file with a hash of its content", () => {
    const hash = createHash("sha256")
      .update(readFileSync(path.join(process.cwd(), "public", "logo.svg")))
      .digest("hex");
    expect(assetUrl("/logo.svg")).toBe(`/logo.svg?v=${hash.slice(0, 10)}`);
  });

  it("refuses paths that leave public/ or are not plain file paths", () => {
    expect(() => assetUrl("/../package.json")).toThrow(/not a path to a file in public/);
    expect(() => assetUrl("logo.svg")).toThrow(/not a path to a file in public/);
    expect(() => assetUrl("/logo.svg?v=1")).toThrow(/not a path to a file in public/);
  });

  it("fails loudly for a file that does not exist", () => {
    expect(() => assetUrl("/no-such-file.png")).toThrow(/ENOENT/);
  });
});
