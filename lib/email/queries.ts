import { type Db } from "@/lib/db";

/** The studio's outbox, newest first, each email with its history oldest first, for /emails. */
export function findStudioEmails(db: Db, { studioId, take = 200 }: { studioId: string; take?: number }) {
  return db.emailMessage.findMany({
    where: { studioId },
    select: {
      id: true,
      kind: true,
      to: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      events: {
        where: { studioId },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, at: true, kind: true, detail: true },
      },
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}
