import { AppError } from "@/lib/errors";
import { findInstallmentShift, moveInstallments } from "@/lib/invoices/mutations";
import { modelsOf } from "@/lib/reader";
import { type Shifter } from "@/lib/reschedule/shift";

const STALE = "A payment changed since the preview. Review the new date again.";

/**
 * Unpaid installments counted from the event move with the job (billing decides which:
 * `findInstallmentShift`); a line's before/after is the due day.
 */
export const installmentShift: Shifter = {
  kind: "installment",
  async plan(db, { studioId, jobId, to }) {
    const shifts = await findInstallmentShift(modelsOf(db), { studioId, jobId, toDay: to });
    return shifts.map((s) => ({
      kind: "installment",
      id: s.id,
      label: s.label,
      before: s.from,
      after: s.to,
      show: "date" as const,
    }));
  },
  async apply(tx, { studioId, lines }) {
    const moved = await moveInstallments(tx, {
      studioId,
      moves: lines.map((l) => ({ id: l.id, from: l.before, to: l.after })),
    });
    if (moved !== lines.length) throw new AppError("CONFLICT", STALE);
  },
};
