import { AppError } from "@/lib/errors";
import { modelsOf } from "@/lib/reader";
import { shiftInstant, type Shifter } from "@/lib/reschedule/shift";

const STALE = "An event changed since the preview. Review the new date again.";

/**
 * The events the photographer ticked move by the same number of days, at the same local time;
 * a line's before/after is the start, and the end keeps its length.
 */
export const eventShift: Shifter = {
  kind: "event",
  async plan(db, { studioId, jobId, days, timeZone, eventIds }) {
    if (eventIds.length === 0) return [];
    const events = await modelsOf(db).event.findMany({
      where: { studioId, jobId, id: { in: eventIds } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, startsAt: true },
    });
    return events.map((e) => ({
      kind: "event",
      id: e.id,
      label: e.name,
      before: e.startsAt.toISOString(),
      after: shiftInstant(e.startsAt, days, timeZone).toISOString(),
      show: "datetime" as const,
    }));
  },
  async apply(tx, { studioId, lines }) {
    for (const line of lines) {
      const [before, after] = [new Date(line.before), new Date(line.after)];
      const event = await tx.event.findFirst({
        where: { id: line.id, studioId, startsAt: before },
        select: { endsAt: true },
      });
      if (!event) throw new AppError("CONFLICT", STALE);
      const endsAt = event.endsAt ? new Date(event.endsAt.getTime() + after.getTime() - before.getTime()) : null;
      await tx.event.updateMany({ where: { id: line.id, studioId }, data: { startsAt: after, endsAt } });
    }
  },
};
