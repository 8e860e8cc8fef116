import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_HEAP_MB, nodeOptions } from "./next-server.ts";

describe("a production node's V8 options", () => {
  it("caps the old space at the default, keeping other options", () => {
    expect(nodeOptions({})).toBe(`--max-old-space-size=${DEFAULT_NODE_HEAP_MB}`);
    expect(nodeOptions({ NODE_OPTIONS: "--enable-source-maps" })).toBe(
      `--enable-source-maps --max-old-space-size=${DEFAULT_NODE_HEAP_MB}`,
    );
  });

  it("takes the ceiling from APP_NODE_HEAP_MB, and leaves a ceiling NODE_OPTIONS names alone", () => {
    expect(nodeOptions({ APP_NODE_HEAP_MB: "1024" })).toBe("--max-old-space-size=1024");
    expect(nodeOptions({ NODE_OPTIONS: "--max_old_space_size=2048", APP_NODE_HEAP_MB: "256" })).toBe(
      "--max_old_space_size=2048",
    );
  });

  it("refuses a ceiling that is not a whole number of MiB, or too small to run Next.js", () => {
    for (const bad of ["lots", "200.5", "64", "-1"])
      expect(() => nodeOptions({ APP_NODE_HEAP_MB: bad })).toThrow(
        `APP_NODE_HEAP_MB must be a whole number of MiB, at least 128 (got "${bad}")`,
      );
  });
});
