import { PrismaPg } from "@prisma/adapter-pg";
// Relative import: services run under tsx, outside Next.js.
import { PrismaClient } from "../prisma/generated/prisma/client";

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
  const adapter = new PrismaPg({ connectionString, application_name: applicationName, max, connectionTimeoutMillis });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true }, webhookEndpoint: { secret: true } } });
}

/**
 * The primary, for a background service (email worker, billing service): its own small pool.
 */
export function createServiceDb(databaseUrl: string, applicationName: string, connections: number) {
  return createPrismaClient({ connectionString: databaseUrl, applicationName, max: connections });
}

export type ServiceDb = ReturnType<typeof createServiceDb>;
