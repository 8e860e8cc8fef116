import { type Db } from "@/lib/db";
import { isUndoableAt } from "@/lib/reschedule/schemas";

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
  if (!latest || latest.userId !== userId || latest.undoneAt || !isUndoableAt(latest.createdAt, now)) return null;
  return latest;
}
