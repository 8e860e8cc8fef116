import { type Db } from "@/lib/db";

export function findStudioShell(db: Db, { studioId }: { studioId: string }) {
  return db.studio.findUnique({
    where: { id: studioId },
    select: {
      id: true,
      name: true,
      slug: true,
      timeZone: true,
      currency: true,
      locale: true,
      contractReminderDays: true,
      jobsPerDay: true,
      brands: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
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
