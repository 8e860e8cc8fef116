import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/generated/prisma/client.ts";
import { seedDemo } from "../../prisma/seed.ts";
import { startEmbeddedCluster, type Cluster } from "../db/embedded-cluster.ts";
import { ensureQueueSchema } from "../../lib/email/queue.ts";
import { migrate } from "../db/migrate.ts";
import { databaseDir } from "./paths.ts";

export type Database = { primaryUrl: string; replicaUrls: string[]; cluster: Cluster | null; stop(): Promise<void> };

/**
 * The database a local run uses: the one in DATABASE_URL / DATABASE_REPLICA_URLS when set,
 * otherwise an embedded primary and streaming replicas kept under .data.
 */
export async function provideDatabase(opts: { replicas?: number; log: (line: string) => void }): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const replicaUrls = (process.env.DATABASE_REPLICA_URLS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    opts.log(`using PostgreSQL from DATABASE_URL (${replicaUrls.length} replica(s)); starting nothing embedded`);
    return { primaryUrl: external, replicaUrls, cluster: null, stop: async () => {} };
  }
  const primaryPort = Number(process.env.SHOOTQ_PG_PORT ?? 54320);
  const count = opts.replicas ?? Number(process.env.SHOOTQ_REPLICAS ?? 1);
  const cluster = await startEmbeddedCluster({
    dir: databaseDir(),
    primaryPort,
    replicaPorts: Array.from({ length: count }, (_, i) => primaryPort + 1 + i),
    replicaDelay: process.env.SHOOTQ_REPLICA_DELAY ?? "0",
    log: opts.log,
  });
  return { primaryUrl: cluster.primaryUrl, replicaUrls: cluster.replicaUrls, cluster, stop: () => cluster.stop() };
}

/** Applies migrations, then seeds the demo studio when the database has none. */
export async function prepareDatabase(primaryUrl: string, log: (line: string) => void): Promise<void> {
  const applied = await migrate(primaryUrl, { log });
  log(applied.length ? `applied ${applied.length} migration(s)` : "migrations up to date");
  // pg-boss's own tables (the email queue), created idempotently: safe from several processes.
  await ensureQueueSchema(primaryUrl);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: primaryUrl }) });
  try {
    const result = await seedDemo(db);
    if (result.seeded) log("seeded the demo studio");
  } finally {
    await db.$disconnect();
  }
}
