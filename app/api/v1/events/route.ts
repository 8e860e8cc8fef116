import { defineApiRead, defineApiWrite } from "@/lib/api/handlers";
import { pageOf, toApiEvent } from "@/lib/api/resources";
import { createEvent, PAGES_AN_EVENT_CHANGES } from "@/lib/events/mutations";
import { findEvent, findUpcomingShootPage } from "@/lib/events/queries";
import { createEventSchema } from "@/lib/events/schemas";
import { pageParamsSchema } from "@/lib/search-params";

/** Upcoming shoots, soonest first: the calendar page's list. */
export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = pageParamsSchema.parse(query);
  return pageOf(
    await findUpcomingShootPage(db, { studioId: principal.user.studioId, from: new Date(), ...params }),
    toApiEvent,
  );
});

/** Adds a session to a job: the same schema and mutation as the job page's "Add event" form. */
export const POST = defineApiWrite({
  schema: createEventSchema,
  async run({ tx, input, user }) {
    const studioId = user.studioId;
    const { jobId, ...fields } = input;
    const { id } = await createEvent(tx, { studioId, jobId, fields });
    const event = await findEvent(tx, { studioId, eventId: id });
    return {
      body: toApiEvent(event!),
      location: `/api/v1/events/${id}`,
      revalidate: [`/jobs/${jobId}`, ...PAGES_AN_EVENT_CHANGES],
    };
  },
});
