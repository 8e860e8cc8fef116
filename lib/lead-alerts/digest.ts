import { dayKeyOf, dateColumn, timeOfDayOf } from "@/lib/calendar/zoned";
import { queueEmail, StudioSendRefused } from "@/lib/email/outbox";
import { DIGEST_TIME, INQUIRY_SOURCES } from "@/lib/lead-alerts/schemas";
import { type ServiceDb } from "@/lib/service-db";

// The daily digest of new inquiries, one step of the billing service's scheduled run: each member
// who chose it gets one email a day, at DIGEST_TIME in the studio's zone (or at the first run after
// it that day, if the service was down), listing the inquiries since their previous digest. The
// digest row and its email commit together and the row is unique per member and day, so however
// many services run, however often, and whatever crashed half-way, a day's digest goes once.

const PAGE = 200;

type Due = { userId: string; studioId: string; email: string; timeZone: string };

/** Members who chose the digest whose studio's day has reached DIGEST_TIME without one, a page at a time. */
async function* dueMembers(db: ServiceDb, now: Date): AsyncGenerator<Due> {
  let after = "";
  for (;;) {
    const rows = await db.$queryRaw<Due[]>`
      SELECT u.id AS "userId", u."studioId", u.email, s."timeZone"
      FROM "User" u JOIN "Studio" s ON s.id = u."studioId"
      WHERE u."leadAlert" = 'DAILY' AND u."removedAt" IS NULL AND u."emailVerifiedAt" IS NOT NULL AND u.id > ${after}
        AND (${now}::timestamptz AT TIME ZONE s."timeZone")::time >= ${DIGEST_TIME}::time
        AND NOT EXISTS (
          SELECT 1 FROM "LeadDigest" d
          WHERE d."userId" = u.id AND d.day = (${now}::timestamptz AT TIME ZONE s."timeZone")::date)
      ORDER BY u.id
      LIMIT ${PAGE}`;
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].userId;
  }
}

/** Makes today's digest for each member due one as of `now`; returns how many digest emails were queued. */
export async function sendLeadDigests(db: ServiceDb, { now }: { now: Date }): Promise<number> {
  let sent = 0;
  // A studio that may not send (its owner has not confirmed their address) is skipped for this run,
  // nothing of it saved, and tried again at the next.
  const refused = new Set<string>();
  for await (const member of dueMembers(db, now)) {
    if (refused.has(member.studioId)) continue;
    // The zone is decided here too, as the rest of the billing run decides it (lib/calendar/zoned).
    if (timeOfDayOf(now, member.timeZone) < DIGEST_TIME) continue;
    const day = dayKeyOf(now, member.timeZone);
    const making = db.$transaction(async (tx) => {
      const previous = await tx.leadDigest.findFirst({
        where: { studioId: member.studioId, userId: member.userId },
        orderBy: { day: "desc" },
        select: { sentAt: true },
      });
      const since = previous?.sentAt ?? new Date(now.getTime() - 24 * 60 * 60 * 1000);
      const leads = await tx.lead.count({
        where: {
          studioId: member.studioId,
          source: { in: [...INQUIRY_SOURCES] },
          createdAt: { gte: since, lt: now },
        },
      });
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "LeadDigest" (id, "studioId", "userId", day, since, "sentAt", leads)
        VALUES (gen_random_uuid()::text, ${member.studioId}, ${member.userId}, ${dateColumn(day)}::date, ${since}, ${now}, ${leads})
        ON CONFLICT ("studioId", "userId", day) DO NOTHING RETURNING id`;
      // Another run made it first; or a quiet day: the row moves the next digest's start, no email.
      if (inserted.length === 0 || leads === 0) return false;
      await queueEmail(tx, {
        kind: "lead.digest",
        studioId: member.studioId,
        to: member.email,
        params: { digestId: inserted[0].id },
        toMember: true,
        now,
      });
      return true;
    });
    try {
      if (await making) sent++;
    } catch (error) {
      if (!(error instanceof StudioSendRefused)) throw error;
      refused.add(member.studioId);
    }
  }
  return sent;
}
