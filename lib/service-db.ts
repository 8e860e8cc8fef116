import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
// Relative import: services run under tsx, outside Next.js.
import { PrismaClient } from "../prisma/generated/prisma/client";
import { withQuerySpans } from "./tracing/db-spans";

// Kept on globalThis: Next.js bundles the proxy, pages and route handlers separately.
const globalForPools = globalThis as unknown as { shootqPools?: Map<string, pg.Pool> };

/** This process's connection pools by name (`shootq-primary`, `shootq-replica-1`…): the metrics count their clients. */
export function connectionPools(): ReadonlyMap<string, pg.Pool> {
  return (globalForPools.shootqPools ??= new Map());
}

/**
 * A Prisma client on its own pool, named in pg_stat_activity. Every client of the code base is made
 * here, with one global `omit`: secrets never leave the database unless a query asks for them by
 * name, and domain functions accept any of these clients' transactions.
 */
export function createPrismaClient({
  connectionString,
  applicationName,
  max,
  connectionTimeoutMillis,
}: {
  connectionString: string;
  applicationName: string;
  max: number;
  connectionTimeoutMillis?: number;
}) {
  const pool = new pg.Pool({ connectionString, application_name: applicationName, max, connectionTimeoutMillis });
  (globalForPools.shootqPools ??= new Map()).set(applicationName, pool);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true }, webhookEndpoint: { secret: true } } });
}

/**
 * The primary, for a background service (email worker, billing service): its own small pool.
 */
export function createServiceDb(databaseUrl: string, applicationName: string, connections: number) {
  const db = createPrismaClient({ connectionString: databaseUrl, applicationName, max: connections });
  // With a collector, each query in a span under its job's (lib/tracing/job-spans.ts).
  return withQuerySpans(db, "primary");
}

export type ServiceDb = ReturnType<typeof createServiceDb>;
