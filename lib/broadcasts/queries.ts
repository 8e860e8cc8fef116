import { type Db } from "@/lib/db";

/** Broadcasts showing now (startsAt <= now < endsAt) that this user has not dismissed. */
export function findActiveBroadcasts(db: Db, { userId, now }: { userId: string; now: Date }) {
  return db.broadcast.findMany({
    where: { startsAt: { lte: now }, endsAt: { gt: now }, dismissals: { none: { userId } } },
    select: { id: true, title: true, body: true, link: true, isNew: true, startsAt: true },
    orderBy: { startsAt: "desc" },
    take: 5,
  });
}

/** Every broadcast with who sent it and when, for the admin. */
export function findBroadcasts(db: Db, { take = 100 }: { take?: number } = {}) {
  return db.broadcast.findMany({
    select: {
      id: true,
      title: true,
      body: true,
      link: true,
      isNew: true,
      startsAt: true,
      endsAt: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      _count: { select: { dismissals: true } },
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}
