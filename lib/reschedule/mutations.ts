import { dateColumn, dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { planReschedule, SHIFTERS } from "@/lib/reschedule/plan";
import { isUndoableAt, type ApplyRescheduleInput } from "@/lib/reschedule/schemas";
import { invertLines, type ShiftLine } from "@/lib/reschedule/shift";

type Tenant = { studioId: string };

async function applyLines(tx: Tx, studioId: string, lines: ShiftLine[]) {
  for (const shifter of SHIFTERS) {
    const own = lines.filter((l) => l.kind === shifter.kind);
    if (own.length > 0) await shifter.apply(tx, { studioId, lines: own });
  }
  if (lines.some((l) => !SHIFTERS.some((s) => s.kind === l.kind)))
    throw new AppError("CONFLICT", "This change can no longer be undone.");
}

function readLines(value: unknown): ShiftLine[] {
  return Array.isArray(value) ? (value as ShiftLine[]) : [];
}

/**
 * Moves the job and everything previewed with it, in this one transaction: any line that no
 * longer matches the preview (a task completed meanwhile, an event edited) rolls all of it back.
 */
export async function applyReschedule(
  tx: Tx,
  { studioId, userId, input }: Tenant & { userId: string; input: ApplyRescheduleInput },
) {
  // The job row is locked first, so two reschedules of one job run one after the other.
  await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${input.jobId} AND "studioId" = ${studioId} FOR UPDATE`;
  const plan = await planReschedule(tx, { studioId, jobId: input.jobId, to: input.date, eventIds: input.eventIds });
  if (!plan) throw new AppError("CONFLICT", "This job has no date to move yet. Set its date on the edit page.");
  if (plan.fingerprint !== input.fingerprint)
    throw new AppError("CONFLICT", "Something changed since the preview. Review the new date again.");
  if (plan.days === 0)
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      date: ["Choose a date other than the current one."],
    });
  await applyLines(tx, studioId, plan.lines);
  await tx.job.updateMany({ where: { id: plan.job.id, studioId }, data: { date: dateColumn(plan.to) } });
  const record = await tx.jobReschedule.create({
    data: {
      studioId,
      jobId: plan.job.id,
      userId,
      fromDate: dateColumn(plan.from),
      toDate: dateColumn(plan.to),
      changes: plan.lines,
    },
    select: { id: true },
  });
  return { id: record.id, jobId: plan.job.id, plan };
}

/**
 * Applies a reschedule backwards: the job returns to its old date and every line to its value
 * before. Only the latest reschedule of a job, by the person who made it, within UNDO_HOURS.
 */
export async function undoReschedule(
  tx: Tx,
  { studioId, userId, rescheduleId, now = new Date() }: Tenant & { userId: string; rescheduleId: string; now?: Date },
) {
  const record = await tx.jobReschedule.findFirst({
    where: { id: rescheduleId, studioId, userId },
    select: { id: true, jobId: true, fromDate: true, toDate: true, changes: true, createdAt: true, undoneAt: true },
  });
  if (!record) throw notFound("That change");
  await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${record.jobId} AND "studioId" = ${studioId} FOR UPDATE`;
  if (record.undoneAt) throw new AppError("CONFLICT", "That change was already undone.");
  if (!isUndoableAt(record.createdAt, now))
    throw new AppError("CONFLICT", "That change is too old to undo. Reschedule the job again instead.");
  const latest = await tx.jobReschedule.findFirst({
    where: { studioId, jobId: record.jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const job = await tx.job.findFirst({ where: { id: record.jobId, studioId }, select: { date: true } });
  if (latest?.id !== record.id || !job?.date || dayKeyOfDateColumn(job.date) !== dayKeyOfDateColumn(record.toDate)) {
    throw new AppError("CONFLICT", "The job has changed since; reschedule it again instead.");
  }
  await applyLines(tx, studioId, invertLines(readLines(record.changes)));
  await tx.job.updateMany({ where: { id: record.jobId, studioId }, data: { date: record.fromDate } });
  await tx.jobReschedule.updateMany({ where: { id: record.id, studioId }, data: { undoneAt: now } });
  return { jobId: record.jobId, from: dayKeyOfDateColumn(record.fromDate) };
}
