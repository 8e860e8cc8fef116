import { type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type CreateBroadcastInput } from "@/lib/broadcasts/schemas";

/**
 * One row, whatever the number of users: who sees it is decided when each dashboard is read
 * (active window, minus that user's dismissals). The sender must be a platform admin.
 */
export async function createBroadcast(
  tx: Tx,
  { adminId, title, body, link, startsAt, endsAt, isNew }: { adminId: string } & CreateBroadcastInput,
) {
  const admin = await tx.user.findFirst({
    where: { id: adminId, role: "ADMIN", removedAt: null },
    select: { id: true },
  });
  if (!admin) throw notFound("That page or action");
  return tx.broadcast.create({
    data: { title, body, link, startsAt, endsAt, isNew, createdById: admin.id },
    select: { id: true },
  });
}

/** Hides a broadcast for this user only; dismissing twice is the same as once. */
export async function dismissBroadcast(tx: Tx, { userId, broadcastId }: { userId: string; broadcastId: string }) {
  const broadcast = await tx.broadcast.findUnique({ where: { id: broadcastId }, select: { id: true } });
  if (!broadcast) throw notFound("That announcement");
  await tx.broadcastDismissal.upsert({
    where: { userId_broadcastId: { userId, broadcastId } },
    create: { userId, broadcastId },
    update: {},
    select: { broadcastId: true },
  });
}
