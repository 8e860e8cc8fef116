import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/generated/prisma/client.ts";
import { seedDemo } from "../../prisma/seed.ts";
import { PortInUseError, startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres.ts";
import { ensureQueueSchema } from "../../lib/email/queue.ts";
import { migrate } from "../db/migrate.ts";
import { HarnessError } from "./harness.ts";
import { databaseDir, localSecrets } from "./paths.ts";
import { countOf } from "../../lib/words.ts";

export type Database = {
  primaryUrl: string;
  replicaUrls: string[];
  embedded: EmbeddedPostgres | null;
  stop(): Promise<void>;
};

/**
 * The database a local run uses: the one in DATABASE_URL / DATABASE_REPLICA_URLS when set,
 * otherwise an embedded primary and streaming replicas kept under .data.
 */
export async function provideDatabase(opts: { replicas?: number; log: (line: string) => void }): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const replicaUrls = (process.env.DATABASE_REPLICA_URLS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    opts.log(
      `using PostgreSQL from DATABASE_URL (${countOf(replicaUrls.length, "replica", "replicas")}); starting nothing embedded`,
    );
    return { primaryUrl: external, replicaUrls, embedded: null, stop: async () => {} };
  }
  const primaryPort = Number(process.env.SHOOTQ_PG_PORT ?? 54320);
  const count = opts.replicas ?? Number(process.env.SHOOTQ_REPLICAS ?? 1);
  const replicaPorts = Array.from({ length: count }, (_, i) => primaryPort + 1 + i);
  try {
    const embedded = await startEmbeddedPostgres({
      dir: databaseDir(),
      primaryPort,
      replicaPorts,
      replicaDelay: process.env.SHOOTQ_REPLICA_DELAY ?? "0",
      log: opts.log,
    });
    return {
      primaryUrl: embedded.primaryUrl,
      replicaUrls: embedded.replicaUrls,
      embedded,
      stop: () => embedded.stop(),
    };
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    const ports = count
      ? `ports ${primaryPort}-${primaryPort + count} (the primary and ${countOf(count, "replica", "replicas")})`
      : `port ${primaryPort}`;
    throw new HarnessError(
      `port ${error.port} is already in use (another ShootQ checkout, or a local PostgreSQL?). The embedded database uses ${ports}: ` +
        `move it with SHOOTQ_PG_PORT, e.g. SHOOTQ_PG_PORT=${primaryPort + 100} npm start, or point DATABASE_URL at a PostgreSQL of yours.`,
    );
  }
}

/** Applies migrations, then seeds the demo studio when the database has none. */
export async function prepareDatabase(primaryUrl: string, log: (line: string) => void): Promise<void> {
  const applied = await migrate(primaryUrl, { log });
  log(applied.length ? `applied ${countOf(applied.length, "migration", "migrations")}` : "migrations up to date");
  // pg-boss's own tables (the email queue), created idempotently: safe from several processes.
  await ensureQueueSchema(primaryUrl);
  // The demo's calendar feeds derive their tokens with the secret the app is started with.
  process.env.LINK_SECRET ??= localSecrets().LINK_SECRET;
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: primaryUrl }) });
  try {
    const result = await seedDemo(db);
    if (result.seeded) log("seeded the demo studio");
  } finally {
    await db.$disconnect();
  }
}
