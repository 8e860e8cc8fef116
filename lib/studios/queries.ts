import { type SessionUser } from "@/lib/auth/options";
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
 * What every studio page starts from, in one statement: the signed-in user (still on the team)
 * and their studio with its brands. Prisma would send three (the user, the studio, the brands as a
 * relation); this runs on every page, where a round trip costs about half a millisecond of a
 * loaded node's CPU. Null when the user is removed or unknown; `studio` null for an admin.
 */
export async function findSignedInShell(
  db: Db,
  { userId }: { userId: string },
): Promise<{ user: SessionUser; studio: StudioShell | null } | null> {
  const rows = await readRaw<(SessionUser & { studio: StudioShell | null })[]>(
    db,
    Prisma.sql`SELECT u.id, u.email, u.name, u.role, u."studioId",
      (SELECT json_build_object(
          'id', s.id, 'name', s.name, 'slug', s.slug, 'timeZone', s."timeZone", 'currency', s.currency,
          'locale', s.locale, 'contractReminderDays', s."contractReminderDays", 'jobsPerDay', s."jobsPerDay",
          'brands', COALESCE(
            (SELECT json_agg(json_build_object('id', b.id, 'name', b.name) ORDER BY b.name) FROM "Brand" b WHERE b."studioId" = s.id),
            '[]'
          )
        ) FROM "Studio" s WHERE s.id = u."studioId") AS studio
      FROM "User" u WHERE u.id = ${userId} AND u."removedAt" IS NULL`,
  );
  if (!rows[0]) return null;
  const { studio, ...user } = rows[0];
  return { user, studio };
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
