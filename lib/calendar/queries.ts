import { type Db } from "@/lib/db";
import { derivedLinkToken, hashToken } from "@/lib/tokens";

/** The user a private feed token belongs to (by its hash); removed staff and admins have no feed. */
export function findFeedOwner(db: Db, { token }: { token: string }) {
  return db.user.findFirst({
    where: {
      calendarTokenHash: hashToken(token),
      removedAt: null,
      studioId: { not: null },
      role: { in: ["OWNER", "STAFF"] },
    },
    select: { id: true, studioId: true, studio: { select: { name: true, timeZone: true } } },
  });
}

/**
 * The signed-in user's own feed token, for the subscribe URL on the calendar page: derived from
 * the user and the feed's version. `null` when the feed still has an address issued before
 * tokens were derived (it keeps working; only a new address can be shown).
 */
export async function findCalendarToken(db: Db, { studioId, userId }: { studioId: string; userId: string }) {
  const user = await db.user.findFirst({
    where: { id: userId, studioId },
    select: { id: true, calendarTokenHash: true, calendarTokenVersion: true },
  });
  if (!user) return null;
  return derivedLinkToken("calendar", user.id, user.calendarTokenHash, user.calendarTokenVersion);
}

export const FEED_PAST_DAYS = 60;
// Building the document costs about 0.1 ms per event with ical-generator, so the bound keeps a
// poll of even the busiest studio's feed near 100 ms.
const FEED_MAX_EVENTS = 1000;

/** A feed's events: the last two months and what lies ahead, soonest first, bounded. */
export function findFeedEvents(db: Db, { studioId, from }: { studioId: string; from: Date }) {
  return db.event.findMany({
    where: { studioId, startsAt: { gte: from } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: FEED_MAX_EVENTS,
    select: {
      id: true,
      name: true,
      startsAt: true,
      endsAt: true,
      location: true,
      isShoot: true,
      job: { select: { id: true, title: true, contact: { select: { name: true } } } },
    },
  });
}
export type FeedEvent = Awaited<ReturnType<typeof findFeedEvents>>[number];
