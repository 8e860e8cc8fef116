import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { sentFields } from "@/lib/api/patch";
import { toApiEvent } from "@/lib/api/resources";
import { dayKeyOf, timeOfDayOf } from "@/lib/calendar/zoned";
import { AppError, notFound } from "@/lib/errors";
import { PAGES_AN_EVENT_CHANGES, updateEvent } from "@/lib/events/mutations";
import { findEvent } from "@/lib/events/queries";
import { END_AFTER_START_MESSAGE, isEndAfterStart, patchEventSchema } from "@/lib/events/schemas";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const event = await findEvent(db, { studioId: principal.user.studioId, eventId: params.id });
  if (!event) throw notFound("That event");
  return toApiEvent(event);
});

/** The event form's fields through its mutation; date and times are wall-clock in the studio's zone. */
export const PATCH = defineApiWrite<typeof patchEventSchema, { id: string }>({
  schema: patchEventSchema,
  async run({ tx, input, user, timeZone, params }) {
    const studioId = user.studioId;
    const event = await findEvent(tx, { studioId, eventId: params.id });
    if (!event) throw notFound("That event");
    const fields = {
      name: event.name,
      date: dayKeyOf(event.startsAt, timeZone),
      startTime: timeOfDayOf(event.startsAt, timeZone),
      endTime: event.endsAt ? timeOfDayOf(event.endsAt, timeZone) : null,
      location: event.location,
      isShoot: event.isShoot,
      ...sentFields(input),
    };
    if (!isEndAfterStart(fields))
      throw new AppError("VALIDATION", "Some fields are not valid: see errors.", {
        endTime: [END_AFTER_START_MESSAGE],
      });
    await updateEvent(tx, { studioId, eventId: event.id, fields });
    const saved = await findEvent(tx, { studioId, eventId: event.id });
    return {
      status: 200,
      body: toApiEvent(saved!),
      revalidate: [`/jobs/${event.job.id}`, ...PAGES_AN_EVENT_CHANGES],
    };
  },
});
