import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

// The drills and the bench run in plain Node, outside Next.js and outside Vitest (whose alias
// stubs "server-only"): a module they reach that loads lib/db stops them before the first drill.
// Every module of the drills and the bench but their entry scripts, which start a run when loaded.
const ROOT = path.resolve(import.meta.dirname, "../..");
const MODULES = ["scripts/drills", "scripts/bench"].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !/\.(test|d)\.ts$/.test(f) && f !== "run.ts")
    .map((f) => `${dir}/${f}`),
);

it("every drill and bench module loads in plain Node", async () => {
  expect(MODULES).toContain("scripts/bench/lib/reports.ts");
  const code = `for (const m of ${JSON.stringify(MODULES)}) await import("./" + m);`;
  const loaded = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: ROOT,
  }).then(
    () => "loaded",
    (error: { stderr?: string }) => error.stderr ?? String(error),
  );
  expect(loaded).toBe("loaded");
}, 60_000);
