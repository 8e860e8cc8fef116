import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mergeStatic, pruneReleases } from "./release";

const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-release-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildStatic(name: string, files: string[]): string {
  const root = path.join(dir, name, "static");
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), name);
  }
  return root;
}

describe("releases", () => {
  it("keep the static files of earlier builds, so a page of the previous release finds its chunks", () => {
    const served = path.join(dir, "www");
    mergeStatic(buildStatic("build-1", ["chunks/aaa.js", "chunks/shared.css", "build-1/_buildManifest.js"]), served);
    mergeStatic(buildStatic("build-2", ["chunks/bbb.js", "chunks/shared.css", "build-2/_buildManifest.js"]), served);
    const files = readdirSync(path.join(served, "_next", "static"), { recursive: true, encoding: "utf8" }).sort();
    expect(files).toEqual([
      "build-1",
      "build-1/_buildManifest.js",
      "build-2",
      "build-2/_buildManifest.js",
      "chunks",
      "chunks/aaa.js",
      "chunks/bbb.js",
      "chunks/shared.css",
    ]);
  });

  it("prune only the folders no node runs", () => {
    const releases = path.join(dir, "releases");
    for (const r of ["r1", "r2", "r3"]) mkdirSync(path.join(releases, r), { recursive: true });
    pruneReleases(releases, [path.join(releases, "r2")]);
    expect(readdirSync(releases)).toEqual(["r2"]);
  });
});
