import { AppError } from "@/lib/errors";
import { modelsOf } from "@/lib/reader";
import { shiftInstant, type Shifter } from "@/lib/reschedule/shift";

const STALE = "A task changed since the preview. Review the new date again.";

/** A rescheduled job's open tasks keep their distance from the job date; done tasks stay put. */
export const taskShift: Shifter = {
  kind: "task",
  async plan(db, { studioId, jobId, days, timeZone }) {
    const tasks = await modelsOf(db).task.findMany({
      where: { studioId, jobId, completedAt: null },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, workflow: true, name: true, dueAt: true },
    });
    return tasks.map((t) => ({
      kind: "task",
      id: t.id,
      label: `${t.workflow} → ${t.name}`,
      before: t.dueAt.toISOString(),
      after: shiftInstant(t.dueAt, days, timeZone).toISOString(),
      show: "date" as const,
    }));
  },
  async apply(tx, { studioId, lines }) {
    for (const line of lines) {
      const { count } = await tx.task.updateMany({
        where: { id: line.id, studioId, completedAt: null, dueAt: new Date(line.before) },
        data: { dueAt: new Date(line.after) },
      });
      if (count !== 1) throw new AppError("CONFLICT", STALE);
    }
  },
};
