import { type Db } from "@/lib/db";
import { UNDO_HOURS } from "@/lib/reschedule/schemas";

/** The reschedule this user may still undo on this job: their own, the job's latest, recent. */
export async function findUndoableReschedule(
  db: Db,
  { studioId, jobId, userId, now = new Date() }: { studioId: string; jobId: string; userId: string; now?: Date },
) {
  const latest = await db.jobReschedule.findFirst({
    where: { studioId, jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, userId: true, fromDate: true, toDate: true, createdAt: true, undoneAt: true },
  });
  if (!latest || latest.userId !== userId || latest.undoneAt) return null;
  if (now.getTime() - latest.createdAt.getTime() > UNDO_HOURS * 3_600_000) return null;
  return latest;
}
