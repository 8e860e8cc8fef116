import { zonedInstant } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type EventFields } from "@/lib/events/schemas";
import { requireJob } from "@/lib/jobs/mutations";

type Tenant = { studioId: string };

/** Events show on the calendar and dashboard, the client's history and the lead list's dates (and their job's page). */
export const PAGES_AN_EVENT_CHANGES = ["/calendar", "/dashboard", "/leads", "/clients", "/reports"];

/** Wall-clock times become instants in the studio's time zone, read here rather than trusted from the form. */
async function eventData(tx: Tx, studioId: string, fields: EventFields) {
  const studio = await tx.studio.findUnique({ where: { id: studioId }, select: { timeZone: true } });
  if (!studio) throw notFound("That studio");
  return {
    name: fields.name,
    startsAt: zonedInstant(fields.date, fields.startTime, studio.timeZone),
    endsAt: fields.endTime ? zonedInstant(fields.date, fields.endTime, studio.timeZone) : null,
    location: fields.location,
    isShoot: fields.isShoot,
  };
}

export async function createEvent(
  tx: Tx,
  { studioId, jobId, fields }: Tenant & { jobId: string; fields: EventFields },
) {
  const job = await requireJob(tx, { studioId, jobId });
  return tx.event.create({
    data: { studioId, jobId: job.id, ...(await eventData(tx, studioId, fields)) },
    select: { id: true, jobId: true },
  });
}

async function requireEvent(tx: Tx, { studioId, eventId }: Tenant & { eventId: string }) {
  const event = await tx.event.findFirst({ where: { id: eventId, studioId }, select: { id: true, jobId: true } });
  if (!event) throw notFound("That event");
  return event;
}

export async function updateEvent(
  tx: Tx,
  { studioId, eventId, fields }: Tenant & { eventId: string; fields: EventFields },
) {
  const event = await requireEvent(tx, { studioId, eventId });
  await tx.event.updateMany({ where: { id: event.id, studioId }, data: await eventData(tx, studioId, fields) });
  return event;
}

export async function deleteEvent(tx: Tx, { studioId, eventId }: Tenant & { eventId: string }) {
  const event = await requireEvent(tx, { studioId, eventId });
  await tx.event.deleteMany({ where: { id: event.id, studioId } });
  return event;
}
