import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { ensureQueueSchema } from "../../lib/email/queue.ts";
import { until } from "./until.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres.ts";
import { migrate } from "../db/migrate.ts";
import { scratchDir } from "../lib/lifecycle.ts";
import { freePort } from "../lib/processes.ts";

/** Waits until every replica has replayed everything the primary has committed so far. */
export async function waitForReplay(db: Pick<EmbeddedPostgres, "primaryUrl" | "replicaUrls">, timeoutMs = 30_000) {
  const primary = new pg.Client({ connectionString: db.primaryUrl });
  await primary.connect();
  const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  await primary.end();
  for (const url of db.replicaUrls) {
    const replica = new pg.Client({ connectionString: url });
    await replica.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const r = await replica.query<{ ok: boolean }>(
          "SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()) <= 0 AS ok",
          [rows[0].lsn],
        );
        if (r.rows[0].ok) break;
        if (Date.now() > deadline) throw new Error(`replica ${url} did not catch up within ${timeoutMs} ms`);
        await new Promise((res) => setTimeout(res, 100));
      }
    } finally {
      await replica.end();
    }
  }
}

/**
 * Sets (a SQL value) or resets (null) server settings with ALTER SYSTEM and reloads them, then
 * waits until a new session sees `settled` (pg_reload_conf() only signals the server; by then
 * every session has been signalled and applies the settings before its next statement).
 */
export async function alterSystem(
  adminUrl: string,
  settings: Record<string, string | null>,
  settled: [name: string, value: string],
): Promise<void> {
  await sql(
    adminUrl,
    ...Object.entries(settings).map(([name, value]) =>
      value === null ? `ALTER SYSTEM RESET ${name}` : `ALTER SYSTEM SET ${name} = ${value}`,
    ),
    "SELECT pg_reload_conf()",
  );
  const [name, value] = settled;
  await until(
    `${name} = ${value}`,
    async () => (await sql(adminUrl, `SELECT current_setting('${name}') AS v`))[0][0].v === value,
    10_000,
  );
}

export type TestDatabase = EmbeddedPostgres & {
  dir: string;
  /** Superuser on each server's `postgres` database, primary first: settings and statistics. */
  adminUrls: { primary: string; replicas: string[] };
  /** Each server's log file, primary first. */
  logFiles: { primary: string; replicas: string[] };
  destroy(): Promise<void>;
};

/** The server at `appUrl` as the superuser, on `database`. */
export function superuserUrl(appUrl: string, database: string): string {
  const u = new URL(appUrl);
  u.username = "postgres";
  u.password = "postgres";
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs each statement on the server at `url` (a superuser URL), one result per statement. */
export async function sql(url: string, ...statements: string[]): Promise<pg.QueryResultRow[][]> {
  const client = new pg.Client({ connectionString: url, application_name: "shootq-testing" });
  await client.connect();
  try {
    const out: pg.QueryResultRow[][] = [];
    for (const s of statements) out.push((await client.query(s)).rows);
    return out;
  } finally {
    await client.end();
  }
}

/**
 * A throwaway primary and replicas on free ports, migrated, in a folder the postgres user can
 * reach. `delays` gives each replica's recovery_min_apply_delay.
 */
export async function startTestDatabase(delays: string[]): Promise<TestDatabase> {
  const scratch = scratchDir("shootq-test");
  const dir = scratch.path;
  const primaryPort = await freePort();
  const replicaPorts: number[] = [];
  while (replicaPorts.length < delays.length) replicaPorts.push(await freePort());
  let db: EmbeddedPostgres | undefined;
  const destroy = async () => {
    await db?.stop();
    scratch.remove();
  };
  try {
    db = await startEmbeddedPostgres({ dir, primaryPort, replicaPorts, replicaDelays: delays });
    await migrate(db.primaryUrl);
    await ensureQueueSchema(db.primaryUrl);
    await waitForReplay(db);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    ...db,
    dir,
    adminUrls: {
      primary: superuserUrl(db.primaryUrl, "postgres"),
      replicas: db.replicaUrls.map((u) => superuserUrl(u, "postgres")),
    },
    logFiles: {
      primary: path.join(dir, "primary", "server.log"),
      replicas: db.replicaUrls.map((_, i) => path.join(dir, `replica-${i + 1}`, "server.log")),
    },
    destroy,
  };
}

export type ScratchDatabase = { url: string; replicaUrls: string[]; drop(): Promise<void> };

/** `name` on the server `adminUrl` points at, as a URL the tests connect to. */
export const databaseUrl = (adminUrl: string, name: string) =>
  Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database `name` on the server `adminUrl` points at (the replicas stream it too). */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await onServer(adminUrl, `CREATE DATABASE ${name}`);
  return databaseUrl(adminUrl, name);
}

/** Drops `name`, ending whatever is still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  // FORCE ends the app's leftover connections, but the app's role may not end an autovacuum worker
  // (a superuser's) busy on a freshly filled database: that one finishes in a moment.
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * A database of its own on the shared test servers (the replicas stream it too), migrated: for a
 * test file that needs an empty database (the seed) or owns something database-wide (the email
 * queue's workers and retry policy), so it can run beside every other file.
 */
export async function createScratchDatabase(
  shared: Pick<EmbeddedPostgres, "primaryUrl" | "replicaUrls">,
  opts: { prefix: string; queue?: boolean },
): Promise<ScratchDatabase> {
  const name = `${opts.prefix}_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(shared.primaryUrl, name);
  await migrate(url);
  if (opts.queue) await ensureQueueSchema(url);
  return {
    url,
    replicaUrls: shared.replicaUrls.map((u) => databaseUrl(u, name)),
    drop: () => dropDatabase(shared.primaryUrl, name),
  };
}
