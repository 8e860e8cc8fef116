import { type Tx } from "@/lib/db";
import { queueEmails, StudioSendRefused } from "@/lib/email/outbox";
import { notFound } from "@/lib/errors";
import { type LeadAlertChoice } from "@/lib/lead-alerts/schemas";

/** Saves how the signed-in member hears of new inquiries. */
export async function setLeadAlert(
  tx: Tx,
  { studioId, userId, leadAlert }: { studioId: string; userId: string; leadAlert: LeadAlertChoice },
) {
  const { count } = await tx.user.updateMany({ where: { id: userId, studioId, removedAt: null }, data: { leadAlert } });
  if (count === 0) throw notFound("Your account");
}

/**
 * Queues a "new inquiry" email to every member of the studio who asked for one per inquiry, in
 * the inquiry's own transaction (the worker sends them within seconds). A member whose own address
 * is not confirmed gets none; a studio whose owner has not confirmed theirs sends none (the
 * inquiry is saved all the same). These count in no quota: they go to the studio's own people.
 */
export async function queueLeadAlerts(
  tx: Tx,
  { studioId, leadId, now = new Date() }: { studioId: string; leadId: string; now?: Date },
): Promise<number> {
  const members = await tx.user.findMany({
    where: { studioId, removedAt: null, leadAlert: "INSTANT", emailVerifiedAt: { not: null } },
    select: { email: true },
    orderBy: { createdAt: "asc" },
  });
  try {
    const queued = await queueEmails(tx, {
      kind: "lead.alert",
      studioId,
      to: members.map((m) => m.email),
      params: { leadId },
      toMember: true,
      now,
    });
    return queued.length;
  } catch (error) {
    if (error instanceof StudioSendRefused) return 0;
    throw error;
  }
}
