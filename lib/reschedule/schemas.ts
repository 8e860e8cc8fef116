import { z } from "zod";
import { dayKeyField, recordId } from "@/lib/fields";

/** How long the photographer who moved a job can take it back. */
export const UNDO_HOURS = 12;

/** A reschedule made at `createdAt` can still be undone at `now`. */
export const isUndoableAt = (createdAt: Date, now: Date) =>
  now.getTime() - createdAt.getTime() <= UNDO_HOURS * 3_600_000;

const ids = z.array(z.string().trim().min(1).max(64)).max(100, "Choose at most 100 events.").default([]);

/** The preview page's URL: a new date and the events ticked to move with the job. */
export const reschedulePreviewParams = z.object({
  date: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), dayKeyField),
  event: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), ids).catch([]),
  /** Set once the form has been submitted, so "no events ticked" is told apart from "first visit". */
  chosen: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional()).transform((v) => v === "1"),
});

export const applyRescheduleSchema = z.object({
  jobId: recordId,
  date: dayKeyField,
  eventIds: ids,
  /** What the preview showed; the action refuses if the plan has changed since. */
  fingerprint: z.string().trim().min(1, "Review the preview again.").max(128),
});
export type ApplyRescheduleInput = z.infer<typeof applyRescheduleSchema>;

export const undoRescheduleSchema = z.object({ rescheduleId: recordId });
