import { Prisma } from "@/prisma/generated/prisma/client";

/** Prisma's DateTime columns are UTC wall times without a zone: first say so, then convert to the studio's. */
export const localTime = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`(${column} AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})`;
