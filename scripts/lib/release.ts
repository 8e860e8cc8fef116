import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths.ts";

export type Release = { id: string; dir: string };

/** The build folder `npm run build` writes (next.config.ts reads the same variable). */
export function buildDir(): string {
  return path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
}

// Left out of a release: caches and traces of the build machine, not needed to serve.
const SKIPPED = new Set(["cache", "dev", "diagnostics", "types", "trace", "trace-build"]);

/** The build id of the production build (what `npm run build` recorded). */
export function currentBuildId(): string {
  for (const file of ["shootq-build-id", "BUILD_ID"]) {
    const p = path.join(buildDir(), file);
    if (existsSync(p)) return readFileSync(p, "utf8").trim();
  }
  throw new Error(`no production build in ${buildDir()}: run \`npm run build\` first`);
}

/**
 * Copies the current build, public/ and next.config.ts into a folder of its own that the nodes
 * run from (the build always as .next there), so `npm run build` can write the next release while
 * this one keeps serving, and adds its static files to `staticRoot`, which keeps every earlier
 * release's files too.
 */
export function stageRelease(opts: { releasesDir: string; staticRoot: string }): Release {
  const id = currentBuildId();
  const dir = path.join(opts.releasesDir, `${Date.now().toString(36)}-${id}`);
  const nextDir = buildDir();
  mkdirSync(dir, { recursive: true });
  cpSync(nextDir, path.join(dir, ".next"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => path.dirname(src) !== nextDir || !SKIPPED.has(path.basename(src)),
  });
  if (existsSync(path.join(ROOT, "public")))
    cpSync(path.join(ROOT, "public"), path.join(dir, "public"), { recursive: true });
  for (const file of ["next.config.ts", "package.json"]) cpSync(path.join(ROOT, file), path.join(dir, file));
  // The build links its server packages relatively (.next/node_modules/pg-… -> ../../node_modules/pg).
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  mergeStatic(path.join(dir, ".next", "static"), opts.staticRoot);
  return { id, dir };
}

/** Adds a build's static files under `<staticRoot>/_next/static`, keeping what is already there. */
export function mergeStatic(buildStatic: string, staticRoot: string): void {
  const target = path.join(staticRoot, "_next", "static");
  mkdirSync(target, { recursive: true });
  cpSync(buildStatic, target, { recursive: true, force: true });
}

/** Deletes release folders that no node runs any more. */
export function pruneReleases(releasesDir: string, inUse: string[]): void {
  if (!existsSync(releasesDir)) return;
  const keep = new Set(inUse.map((d) => path.resolve(d)));
  for (const name of readdirSync(releasesDir)) {
    const dir = path.resolve(releasesDir, name);
    if (!keep.has(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
