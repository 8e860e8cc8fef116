import { z } from "zod";
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
const eventFields = z
  .object({
    name: requiredText("a name, such as Engagement session", 120),
    date: dayKeyField,
    startTime: timeOfDayField,
    endTime: optionalTimeOfDayField,
    location: optionalText(200),
    isShoot: checkboxField,
  })
  .refine((e) => e.endTime === null || e.endTime > e.startTime, {
    path: ["endTime"],
    message: "End time must be after the start time.",
  });

export type EventFields = z.infer<typeof eventFields>;

export const createEventSchema = z.intersection(z.object({ jobId: recordId }), eventFields);
export const updateEventSchema = z.intersection(z.object({ eventId: recordId }), eventFields);
export const deleteEventSchema = z.object({ eventId: recordId });
