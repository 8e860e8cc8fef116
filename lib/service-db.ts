import { PrismaPg } from "@prisma/adapter-pg";
// Relative import: services run under tsx, outside Next.js.
import { PrismaClient } from "../prisma/generated/prisma/client";

/**
 * The primary, for a background service (email worker, billing service): its own small pool,
 * named in pg_stat_activity, with the same global `omit` as the app's client so domain
 * functions accept its transactions.
 */
export function createServiceDb(databaseUrl: string, applicationName: string, connections: number) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, application_name: applicationName, max: connections });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type ServiceDb = ReturnType<typeof createServiceDb>;
