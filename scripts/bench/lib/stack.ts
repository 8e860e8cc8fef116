import { clusterNodeEnv, startAppCluster, type AppCluster } from "../../lib/app-cluster.ts";
import { ensureBuild } from "../../lib/ensure-build.ts";
import { scratchDir } from "../../lib/lifecycle.ts";
import { localSecrets } from "../../lib/paths.ts";
import { freePort } from "../../lib/processes.ts";
import { sql, startTestDatabase, superuserUrl, waitForReplay, type TestDatabase } from "../../testing/database.ts";

export type BenchDatabase = TestDatabase & {
  /** The app's database as the superuser: the generator skips foreign-key triggers with it. */
  superPrimaryUrl: string;
};

/**
 * A throwaway primary and one prompt streaming replica on free loopback ports, migrated. WAL may
 * grow to 8 GB between checkpoints: a bulk load then writes each page once, not once per checkpoint.
 */
export async function startBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const db = await startTestDatabase(["0"]);
  await sql(
    db.adminUrls.primary,
    "ALTER SYSTEM SET max_wal_size = '8GB'",
    "ALTER SYSTEM SET checkpoint_timeout = '30min'",
    "SELECT pg_reload_conf()",
  );
  log(
    `database: primary ${new URL(db.primaryUrl).port}, replica ${db.replicaUrls.map((u) => new URL(u).port).join(", ")} (${db.dir})`,
  );
  return { ...db, superPrimaryUrl: superuserUrl(db.primaryUrl, "shootq") };
}

export type BenchApp = {
  cluster: AppCluster;
  /** nginx in front of the nodes. */
  url: string;
  /** Each node directly, without nginx. */
  nodeUrls: string[];
  /** What a node of this bench runs with, for a node started beside the cluster (`--against`). */
  nodeEnv: NodeJS.ProcessEnv;
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
  const env = {
    ...process.env,
    ...localSecrets(),
    DATABASE_URL: db.primaryUrl,
    DATABASE_REPLICA_URLS: db.replicaUrls.join(","),
    SECURE_COOKIES: "false",
    // /empty, the signed-in empty page every page is compared to (app/(studio)/empty/page.tsx).
    BENCH_PAGES: "1",
    ...opts.env,
  };
  const cluster = await startAppCluster({
    nodes: opts.nodes,
    port,
    host: "127.0.0.1",
    url,
    dataDir: dataDir.path,
    services: false,
    env,
    log: (line) => opts.log(`cluster: ${line}`),
  });
  const nodeUrls = cluster.status().nodes.map((n) => `http://127.0.0.1:${n.port}`);
  return {
    cluster,
    url,
    nodeUrls,
    nodeEnv: clusterNodeEnv(env, url),
    async stop() {
      await cluster.stop();
      dataDir.remove();
    },
  };
}
