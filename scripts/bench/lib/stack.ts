import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startTestCluster, waitForReplay, type TestCluster } from "../../testing/cluster.ts";
import { startAppCluster, type AppCluster } from "../../lib/app-cluster.ts";
import { ensureBuild } from "../../lib/ensure-build.ts";
import { localSecrets } from "../../lib/paths.ts";
import { freePort, onShutdown } from "../../lib/processes.ts";

export type BenchDatabase = TestCluster & {
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
  const cluster = await startTestCluster(["0"]);
  const adminUrls = { primary: asSuperuser(cluster.primaryUrl, "postgres"), replicas: cluster.replicaUrls.map((u) => asSuperuser(u, "postgres")) };
  await sql(adminUrls.primary, "ALTER SYSTEM SET max_wal_size = '8GB'", "ALTER SYSTEM SET checkpoint_timeout = '30min'", "SELECT pg_reload_conf()");
  log(`database: primary ${new URL(cluster.primaryUrl).port}, replica ${cluster.replicaUrls.map((u) => new URL(u).port).join(", ")} (${cluster.dir})`);
  return {
    ...cluster,
    superPrimaryUrl: asSuperuser(cluster.primaryUrl, "shootq"),
    adminUrls,
    logFiles: {
      primary: path.join(cluster.dir, "primary", "server.log"),
      replicas: cluster.replicaUrls.map((_, i) => path.join(cluster.dir, `replica-${i + 1}`, "server.log")),
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

/** The issue-7 app cluster (nginx + `nodes` next start nodes) on loopback, against `db`. */
export async function startBenchApp(
  db: Pick<TestCluster, "primaryUrl" | "replicaUrls">,
  opts: { nodes: number; worker?: string | null; env?: NodeJS.ProcessEnv; log: (line: string) => void },
): Promise<BenchApp> {
  ensureBuild(opts.log);
  await waitForReplay(db);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "shootq-bench-app-"));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cluster = await startAppCluster({
    nodes: opts.nodes,
    port,
    host: "127.0.0.1",
    url,
    dataDir,
    worker: opts.worker ?? null,
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
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What `npm run bench` and `npm run drills` share: a timestamped log, a hard time limit (a run
 * that hangs is a failed run), and one place that stops the databases and the app on any exit.
 */
export function startRun(name: string, limitMinutes: number) {
  const t0 = Date.now();
  const log = (line: string) => console.log(`[${name} ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const deadline = setTimeout(() => {
    console.error(`[${name}] took longer than ${limitMinutes} minutes; stopping`);
    process.kill(process.pid, "SIGTERM");
  }, limitMinutes * 60_000);
  deadline.unref();
  const running: { db?: BenchDatabase; app?: BenchApp } = {};
  async function stopAll() {
    const { app, db } = running;
    running.app = running.db = undefined;
    await app?.stop().catch((e) => console.error(e));
    await db?.destroy().catch((e) => console.error(e));
  }
  onShutdown(stopAll);
  return { log, deadline, running, stopAll };
}
