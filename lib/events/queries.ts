import { type Db } from "@/lib/db";
import { modelsOf, type Reader } from "@/lib/reader";
import { findKeysetPage, type PageRequest } from "@/lib/pagination";
import { type Prisma } from "@/prisma/generated/prisma/client";

type Scope = { studioId: string; brandId?: string };

const eventSelect = {
  id: true,
  name: true,
  startsAt: true,
  endsAt: true,
  location: true,
  isShoot: true,
  job: { select: { id: true, title: true } },
} satisfies Prisma.EventSelect;

export type CalendarEvent = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

const scoped = ({ studioId, brandId }: Scope): Prisma.EventWhereInput => ({
  studioId,
  ...(brandId ? { job: { brandId } } : {}),
});

/**
 * Every event starting in [from, to): a week view's worth, so the bound is generous, not a page.
 * The brand is checked on the few rows of the week rather than joined in SQL, so the read stays
 * one range of the (studioId, startsAt) index plus primary-key lookups of their jobs.
 */
export async function findEventsBetween(
  db: Db,
  { studioId, brandId, from, to }: Scope & { from: Date; to: Date },
): Promise<CalendarEvent[]> {
  const events = await db.event.findMany({
    where: { studioId, startsAt: { gte: from, lt: to } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { ...eventSelect, job: { select: { id: true, title: true, brandId: true } } },
  });
  return events
    .filter((e) => !brandId || e.job.brandId === brandId)
    .map((e) => ({ ...e, job: { id: e.job.id, title: e.job.title } }));
}

/** Shoots from `from` on, soonest first, a page at a time. */
export function findUpcomingShootPage(
  db: Db,
  { from, size, ...rest }: Scope & PageRequest & { from: Date; size?: number },
) {
  return findKeysetPage<CalendarEvent>({
    sections: [{ where: { ...scoped(rest), isShoot: true, startsAt: { gte: from } }, key: "startsAt", dir: "asc" }],
    request: rest,
    size,
    fetch: ({ where, orderBy, take }) =>
      db.event.findMany({
        where: where as Prisma.EventWhereInput,
        orderBy: orderBy as Prisma.EventOrderByWithRelationInput[],
        take,
        select: eventSelect,
      }),
    keyOf: (row) => row.startsAt,
  });
}

/** Also re-read inside a write (the API answers with what it saved). */
export function findEvent(db: Reader, { studioId, eventId }: { studioId: string; eventId: string }) {
  return modelsOf(db).event.findFirst({ where: { id: eventId, studioId }, select: eventSelect });
}
