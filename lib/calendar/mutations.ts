import { type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { linkTokenHash } from "@/lib/tokens";

/** A new private feed address for this user; the old one stops working at once. */
export async function rotateCalendarFeed(tx: Tx, { studioId, userId }: { studioId: string; userId: string }) {
  const user = await tx.user.findFirst({
    where: { id: userId, studioId, removedAt: null },
    select: { id: true, calendarTokenVersion: true },
  });
  if (!user) throw notFound("Your account");
  const version = user.calendarTokenVersion + 1;
  await tx.user.update({
    where: { id: user.id },
    data: { calendarTokenVersion: version, calendarTokenHash: linkTokenHash("calendar", user.id, version) },
    select: { id: true },
  });
}
