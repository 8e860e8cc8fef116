import { type Db } from "@/lib/db";
import { readRaw } from "@/lib/replication/read-fallback";
import { Prisma } from "@/prisma/generated/prisma/client";

export type StudioShell = {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  locale: string;
  contractReminderDays: number;
  jobsPerDay: number;
  /** By name, for the header's brand picker and every page's brand filter. */
  brands: { id: string; name: string }[];
};

/**
 * What every studio page shows and reads by: the studio and its brands, in one statement (Prisma
 * reads a relation with a second one; this runs on every page, where a round trip costs about
 * half a millisecond of a loaded node's CPU).
 */
export async function findStudioShell(db: Db, { studioId }: { studioId: string }): Promise<StudioShell | null> {
  const rows = await readRaw<StudioShell[]>(
    db,
    Prisma.sql`SELECT s.id, s.name, s.slug, s."timeZone", s.currency, s.locale, s."contractReminderDays", s."jobsPerDay",
      COALESCE(
        (SELECT json_agg(json_build_object('id', b.id, 'name', b.name) ORDER BY b.name) FROM "Brand" b WHERE b."studioId" = s.id),
        '[]'
      ) AS brands
      FROM "Studio" s WHERE s.id = ${studioId}`,
  );
  return rows[0] ?? null;
}

export function findStudioSettings(db: Db, { studioId }: { studioId: string }) {
  return db.studio.findUnique({
    where: { id: studioId },
    select: {
      name: true,
      slug: true,
      timeZone: true,
      currency: true,
      locale: true,
      jobsPerDay: true,
      staffCanSeeReports: true,
      createdAt: true,
      _count: { select: { users: { where: { removedAt: null } }, leads: true, jobs: true, brands: true } },
    },
  });
}

export function findPaymentSettings(db: Db, { studioId }: { studioId: string }) {
  return db.studio.findUnique({
    where: { id: studioId },
    select: { paymentInstructions: true, requireRetainer: true, reminderOffsets: true, currency: true, locale: true },
  });
}
