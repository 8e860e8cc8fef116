// CI's first-run check: what a newcomer does, from a place that used to break it. A clone of this
// checkout inside a mode-700 folder whose path has a space (as root: where the postgres user
// cannot reach node_modules), `npm ci && npm start`, /api/health and a signed-in page, Ctrl-C,
// and nothing left running or listening. Run from a checkout with node_modules:
// `node --import tsx scripts/ci/first-run.ts`.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SHARED_DIR } from "../db/embedded-postgres.ts";
import { HarnessError, runHarness } from "../lib/harness.ts";
import { track } from "../lib/lifecycle.ts";
import { ROOT } from "../lib/paths.ts";
import { freePort, isPortFree, killProcessGroup, waitForHttp } from "../lib/processes.ts";
import { DEMO_LOGINS } from "../../prisma/seed-data.ts";
import { HttpSession } from "../testing/http.ts";

/** Two consecutive free ports: the embedded primary and its replica. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65000 && (await isPortFree(port + 1))) return port;
  }
}

/** Processes whose command line or working folder is inside `dir`. */
function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      let cwd = "";
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // another user's process: its command line is enough
      }
      if (cmdline.includes(dir) || cwd.startsWith(dir)) found.push(`${pid}: ${cmdline.trim()}`);
    } catch {
      // ended while we looked
    }
  }
  return found;
}

await runHarness({ name: "first-run", elapsed: true, limitMinutes: 25 }, async (log) => {
  const home = mkdtempSync(path.join(os.tmpdir(), "shootq-first-run-")); // mode 700, like root's home
  const dir = path.join(home, "my projects", "shootq");
  track(
    "first-run folder",
    async () => rmSync(home, { recursive: true, force: true }),
    () => rmSync(home, { recursive: true, force: true }),
  );
  mkdirSync(path.dirname(dir));
  log(`cloning into ${dir}`);
  execFileSync("git", ["clone", "-q", ROOT, dir]);
  log("npm ci");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  // The clone's embedded data falls back to a folder of its own under /var/lib/shootq (as root).
  const dataFallback = path.join(SHARED_DIR, createHash("sha256").update(dir).digest("hex").slice(0, 12));
  track(
    "first-run data",
    async () => rmSync(dataFallback, { recursive: true, force: true }),
    () => rmSync(dataFallback, { recursive: true, force: true }),
  );

  const ports = {
    PORT: await freePort(),
    SHOOTQ_PG_PORT: await freePortPair(),
    SHOOTQ_SMTP_PORT: await freePort(),
    SHOOTQ_MAIL_WEB_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
  };
  for (const name of ["DATABASE_URL", "DATABASE_REPLICA_URLS", "SMTP_URL", "APP_URL", "NEXTAUTH_URL", "NEXT_DIST_DIR"])
    delete env[name];
  log(`npm start (app on ${ports.PORT}, PostgreSQL on ${ports.SHOOTQ_PG_PORT})`);
  // Its own process group, as a terminal gives it: Ctrl-C goes to the whole group.
  const start = spawn("npm", ["start"], { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  start.stdout.on("data", (c: Buffer) => (output += c.toString()));
  start.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<string>((resolve) =>
    start.on("exit", (code, signal) => resolve(signal ?? `exit code ${code}`)),
  );
  track(
    "npm start",
    async () => killProcessGroup(start.pid),
    () => killProcessGroup(start.pid),
  );

  try {
    await waitForHttp(`http://127.0.0.1:${ports.PORT}/api/health`, { timeoutMs: 15 * 60_000 });
    const session = new HttpSession(`http://localhost:${ports.PORT}`);
    await session.signIn(DEMO_LOGINS.owner.email, DEMO_LOGINS.owner.password);
    const dashboard = await session.getText("/dashboard");
    if (dashboard.status !== 200 || !dashboard.text.includes("Lumen &amp; Lace"))
      throw new HarnessError(`the signed-in dashboard answered ${dashboard.status}`);
    log("health and the signed-in dashboard answer");
  } catch (error) {
    console.error(output);
    throw error;
  }

  process.kill(-start.pid!, "SIGINT");
  const how = await Promise.race([
    exited,
    new Promise<string>((r) => setTimeout(() => r("still running after 2 minutes"), 120_000)),
  ]);
  // npm itself dies of the SIGINT; the harness under it must have stopped everything and said so.
  if (!["exit code 0", "SIGINT"].includes(how) || !/^\[shootq\] stopped$/m.test(output)) {
    console.error(output);
    throw new HarnessError(`npm start did not stop cleanly on Ctrl-C (${how})`);
  }
  const left = processesIn(dir);
  const listening = [];
  for (const [name, port] of Object.entries(ports)) if (!(await isPortFree(port))) listening.push(`${name} ${port}`);
  for (const data of [dataFallback, path.join(dir, ".data", "pg")]) {
    if (existsSync(path.join(data, "primary", "postmaster.pid")))
      listening.push(`PostgreSQL in ${data} (postmaster.pid still there)`);
  }
  if (left.length || listening.length)
    throw new HarnessError(`left running after Ctrl-C:\n${[...left, ...listening].join("\n")}`);
  log("Ctrl-C stopped everything: no process, port or database left");
});
