import path from "node:path";
import pg from "pg";
import { startAppCluster, type AppCluster } from "../../lib/app-cluster.ts";
import { ensureBuild } from "../../lib/ensure-build.ts";
import { scratchDir } from "../../lib/lifecycle.ts";
import { localSecrets } from "../../lib/paths.ts";
import { freePort } from "../../lib/processes.ts";
import { startTestDatabase, waitForReplay, type TestDatabase } from "../../testing/database.ts";

export type BenchDatabase = TestDatabase & {
  /** The app's database as the superuser: the generator skips foreign-key triggers with it. */
  superPrimaryUrl: string;
  /** Superuser on each server's `postgres` database, primary first: settings and statistics. */
  adminUrls: { primary: string; replicas: string[] };
  /** Each server's log file, primary first. */
  logFiles: { primary: string; replicas: string[] };
};

function asSuperuser(appUrl: string, database: string): string {
  const u = new URL(appUrl);
  u.username = "postgres";
  u.password = "postgres";
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs each statement on the server at `url` (a superuser URL). */
export async function sql(url: string, ...statements: string[]): Promise<pg.QueryResultRow[][]> {
  const client = new pg.Client({ connectionString: url, application_name: "shootq-bench" });
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
 * A throwaway primary and one prompt streaming replica on free loopback ports, migrated. WAL may
 * grow to 8 GB between checkpoints: a bulk load then writes each page once, not once per checkpoint.
 */
export async function startBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const db = await startTestDatabase(["0"]);
  const adminUrls = {
    primary: asSuperuser(db.primaryUrl, "postgres"),
    replicas: db.replicaUrls.map((u) => asSuperuser(u, "postgres")),
  };
  await sql(
    adminUrls.primary,
    "ALTER SYSTEM SET max_wal_size = '8GB'",
    "ALTER SYSTEM SET checkpoint_timeout = '30min'",
    "SELECT pg_reload_conf()",
  );
  log(
    `database: primary ${new URL(db.primaryUrl).port}, replica ${db.replicaUrls.map((u) => new URL(u).port).join(", ")} (${db.dir})`,
  );
  return {
    ...db,
    superPrimaryUrl: asSuperuser(db.primaryUrl, "shootq"),
    adminUrls,
    logFiles: {
      primary: path.join(db.dir, "primary", "server.log"),
      replicas: db.replicaUrls.map((_, i) => path.join(db.dir, `replica-${i + 1}`, "server.log")),
    },
  };
}

export type BenchApp = {
  cluster: AppCluster;
  /** nginx in front of the nodes. */
  url: string;
  /** Each node directly, without nginx. */
  nodeUrls: string[];
  stop(): Promise<void>;
};

/** The app cluster (nginx + `nodes` next start nodes) on loopback, against `db`, without background services. */
export async function startBenchApp(
  db: Pick<TestDatabase, "primaryUrl" | "replicaUrls">,
  opts: { nodes: number; env?: NodeJS.ProcessEnv; log: (line: string) => void },
): Promise<BenchApp> {
  ensureBuild(opts.log);
  await waitForReplay(db);
  const dataDir = scratchDir("shootq-bench-app");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cluster = await startAppCluster({
    nodes: opts.nodes,
    port,
    host: "127.0.0.1",
    url,
    dataDir: dataDir.path,
    services: false,
    env: {
      ...process.env,
      ...localSecrets(),
      DATABASE_URL: db.primaryUrl,
      DATABASE_REPLICA_URLS: db.replicaUrls.join(","),
      SECURE_COOKIES: "false",
      ...opts.env,
    },
    log: (line) => opts.log(`cluster: ${line}`),
  });
  const nodeUrls = cluster.status().nodes.map((n) => `http://127.0.0.1:${n.port}`);
  return {
    cluster,
    url,
    nodeUrls,
    async stop() {
      await cluster.stop();
      dataDir.remove();
    },
  };
}
