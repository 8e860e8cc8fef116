import { AppError } from "@/lib/errors";
import { modelsOf } from "@/lib/reader";
import { shiftInstant, type Shifter } from "@/lib/reschedule/shift";

const STALE = "A scheduled email changed since the preview. Review the new date again.";

/** A rescheduled job's workflow emails that have not gone keep their distance from the job date. */
export const scheduledEmailShift: Shifter = {
  kind: "scheduled-email",
  async plan(db, { studioId, jobId, days, timeZone }) {
    const emails = await modelsOf(db).scheduledEmail.findMany({
      where: { studioId, jobId, status: "SCHEDULED" },
      orderBy: [{ sendAt: "asc" }, { id: "asc" }],
      select: { id: true, workflow: true, name: true, sendAt: true },
    });
    return emails.map((e) => ({
      kind: "scheduled-email",
      id: e.id,
      label: `${e.workflow} → Email: ${e.name}`,
      before: e.sendAt.toISOString(),
      after: shiftInstant(e.sendAt, days, timeZone).toISOString(),
      show: "datetime" as const,
    }));
  },
  async apply(tx, { studioId, lines }) {
    for (const line of lines) {
      const { count } = await tx.scheduledEmail.updateMany({
        where: { id: line.id, studioId, status: "SCHEDULED", sendAt: new Date(line.before) },
        data: { sendAt: new Date(line.after) },
      });
      if (count !== 1) throw new AppError("CONFLICT", STALE);
    }
  },
};
