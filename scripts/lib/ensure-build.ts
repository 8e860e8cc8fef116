import { spawnSync } from "node:child_process";
import { buildExists, ROOT } from "./paths.ts";

/** Runs `npm run build` when there is no production build yet. */
export function ensureBuild(log: (line: string) => void): void {
  if (buildExists()) return;
  log("no build found, building ShootQ (about a minute)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");
}
