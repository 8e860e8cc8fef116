import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

// The drills and the bench run in plain Node, outside Next.js and outside Vitest (whose alias
// stubs "server-only"): a module they reach that loads lib/db stops them before the first drill.
const MODULES = [
  "scripts/drills/bad-input.ts",
  "scripts/drills/kill-node.ts",
  "scripts/drills/kill-replica.ts",
  "scripts/drills/restart-billing.ts",
  "scripts/drills/restart-worker.ts",
  "scripts/drills/stop-primary.ts",
  "scripts/bench/generate.ts",
  "scripts/bench/lib/stack.ts",
];

it("every drill and bench module loads in plain Node", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const code = `for (const m of ${JSON.stringify(MODULES)}) await import("./" + m);`;
  const loaded = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: root,
  }).then(
    () => "loaded",
    (error: { stderr?: string }) => error.stderr ?? String(error),
  );
  expect(loaded).toBe("loaded");
}, 60_000);
