import { type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

export type NotificationInput = {
  studioId: string;
  /** Dotted event name, e.g. "lead.created", "proposal.declined". */
  kind: string;
  message: string;
  /** Where the entry in What's New takes the user. */
  link?: string;
};

/** Every event that What's New shows is one row, written in the transaction that caused it. */
export async function notify(tx: Tx, { studioId, kind, message, link }: NotificationInput): Promise<void> {
  await tx.notification.create({ data: { studioId, kind, message, link }, select: { id: true } });
}

type Reader = { studioId: string; userId: string };

/** Read state is per user: one photographer reading a notification leaves it new for the others. */
export async function markNotificationRead(
  tx: Tx,
  { studioId, userId, notificationId }: Reader & { notificationId: string },
) {
  const notification = await tx.notification.findFirst({
    where: { id: notificationId, studioId },
    select: { id: true },
  });
  if (!notification) throw notFound("That notification");
  await tx.notificationRead.createMany({
    data: [{ studioId, notificationId: notification.id, userId }],
    skipDuplicates: true,
  });
}

/** One statement however many are unread, so "mark all" stays quick for a busy studio. */
export async function markAllNotificationsRead(tx: Tx, { studioId, userId }: Reader): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "NotificationRead" ("studioId", "notificationId", "userId", "readAt")
    SELECT n."studioId", n.id, ${userId}, now() FROM "Notification" n
    WHERE n."studioId" = ${studioId}
      AND NOT EXISTS (SELECT 1 FROM "NotificationRead" r WHERE r."notificationId" = n.id AND r."userId" = ${userId})
    ON CONFLICT DO NOTHING`;
}
