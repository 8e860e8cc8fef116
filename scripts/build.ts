// `npm run build`: one production build that every node of a release shares. SHOOTQ_BUILD_ID
// (default: the git commit, plus a content hash when the tree has local changes) becomes the
// Next.js build id and deploymentId. NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (default: the local one in
// .data/secrets.json) is fixed into the build: it salts the server action ids, so every build made
// with the same key keeps the ids of unchanged actions, and every node must run with that key.
import { execSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { FINGERPRINT_FILE, sourceFingerprint } from "./lib/ensure-build.ts";
import { localSecrets, DIST_DIR, ROOT } from "./lib/paths.ts";
import { precompress } from "./lib/precompress.ts";

function defaultBuildId(): string {
  try {
    const commit = execSync("git rev-parse --short=12 HEAD", { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    const dirty = execSync("git status --porcelain --untracked-files=no", { cwd: ROOT }).toString();
    if (!dirty) return commit;
    const diff = execSync("git diff HEAD", { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return `${commit}-${createHash("sha256").update(diff).digest("hex").slice(0, 8)}`;
  } catch {
    return `local-${Date.now().toString(36)}`;
  }
}

const buildId = process.env.SHOOTQ_BUILD_ID ?? defaultBuildId();
// Taken before building: an edit made while the build runs makes the next `npm start` rebuild.
const fingerprint = sourceFingerprint();
console.log(`[build] build id ${buildId}`);
const env = {
  ...process.env,
  SHOOTQ_BUILD_ID: buildId,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? localSecrets().NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
  PRISMA_SCHEMA_ENGINE_BINARY: `${ROOT}/scripts/db/no-engine`,
};
for (const [cmd, args] of [
  ["node_modules/.bin/prisma", ["generate"]],
  ["node_modules/.bin/next", ["build"]],
] as const) {
  const result = spawnSync(cmd, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
writeFileSync(path.join(DIST_DIR, "shootq-build-id"), buildId);
writeFileSync(FINGERPRINT_FILE, fingerprint);
console.log(`[build] pre-compressed ${precompress(path.join(DIST_DIR, "static"))} static files for nginx`);
