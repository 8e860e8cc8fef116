import { z } from "zod";
import { patchSchema } from "@/lib/api/patch";
import {
  checkboxField,
  dayKeyField,
  optionalText,
  optionalTimeOfDayField,
  recordId,
  requiredText,
  timeOfDayField,
} from "@/lib/fields";

/** A session or shoot as the form sends it: wall-clock date and times in the studio's zone. */
const eventFieldShape = {
  name: requiredText("a name, such as Engagement session", 120),
  date: dayKeyField,
  startTime: timeOfDayField,
  endTime: optionalTimeOfDayField,
  location: optionalText(200),
  isShoot: checkboxField,
};

/** Checked on the form and again on an API edit once its fields are merged with the saved ones. */
export const END_AFTER_START_MESSAGE = "End time must be after the start time.";
export const isEndAfterStart = (e: { startTime: string; endTime: string | null }) =>
  e.endTime === null || e.endTime > e.startTime;

const eventFields = z
  .object(eventFieldShape)
  .refine(isEndAfterStart, { path: ["endTime"], message: END_AFTER_START_MESSAGE });

export type EventFields = z.infer<typeof eventFields>;

export const createEventSchema = z.intersection(z.object({ jobId: recordId }), eventFields);
export const updateEventSchema = z.intersection(z.object({ eventId: recordId }), eventFields);
export const deleteEventSchema = z.object({ eventId: recordId });

/** An API edit: the event form's fields, any of them (the id is the URL's). */
export const patchEventSchema = patchSchema(eventFieldShape);
