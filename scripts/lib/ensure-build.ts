import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildExists, DIST_DIR, ROOT } from "./paths.ts";

/** Written by `npm run build`: the fingerprint of the sources it built. */
export const FINGERPRINT_FILE = path.join(DIST_DIR, "shootq-source-fingerprint");

// What the production build is made from. Tests, e2e, scripts, docs and generated files are not.
const INPUT_DIRS = ["app", "components", "lib", "public", "prisma"];
const SKIPPED_DIRS = new Set(["prisma/generated", "prisma/migrations"]);
const ROOT_FILE = /^(?!playwright|vitest|eslint|next-env\.d\.ts)[\w.-]+\.(ts|tsx|mjs|js|json)$|^\.env(\.[\w.-]+)?$/;

function inputFiles(): string[] {
  const files = readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isFile() && ROOT_FILE.test(e.name))
    .map((e) => e.name);
  const walk = (dir: string) => {
    if (SKIPPED_DIRS.has(dir) || !existsSync(path.join(ROOT, dir))) return;
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && !/\.test\.tsx?$/.test(e.name)) files.push(rel);
    }
  };
  INPUT_DIRS.forEach(walk);
  return files.sort();
}

/**
 * A hash of every build input's path and content: cheap (a few hundred small files), exact, and
 * independent of git (a tarball or a dirty tree works the same).
 */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of inputFiles())
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(ROOT, file)))
      .update("\0");
  return hash.digest("hex");
}

/** Why the production build cannot be served as it is, or null when it matches the sources. */
export function staleBuildReason(): string | null {
  if (!buildExists()) return "no build found";
  if (!existsSync(FINGERPRINT_FILE)) return "the build does not say which sources it was made from";
  if (readFileSync(FINGERPRINT_FILE, "utf8").trim() !== sourceFingerprint())
    return "the sources changed since the last build";
  return null;
}

/** Runs `npm run build` when there is no production build yet, or when the sources changed since it was made. */
export function ensureBuild(log: (line: string) => void): void {
  const reason = staleBuildReason();
  if (!reason) return;
  log(`${reason}: building ShootQ (about a minute)…`);
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");
}
