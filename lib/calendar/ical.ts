import ical from "ical-generator";
import { type FeedEvent } from "@/lib/calendar/queries";
import { jobUrl } from "@/lib/urls";

/**
 * An iCalendar document for Google or Apple Calendar to subscribe to. Times are written in UTC
 * (calendar apps show them in the viewer's zone); X-WR-TIMEZONE tells them the studio's.
 */
export function buildCalendarFeed({
  studioName,
  timeZone,
  origin,
  events,
}: {
  studioName: string;
  timeZone: string;
  origin: string;
  events: FeedEvent[];
}): string {
  const calendar = ical({
    name: `${studioName} (ShootQ)`,
    prodId: { company: "ShootQ", product: "studio-calendar" },
    ttl: 60 * 60,
  });
  calendar.x([{ key: "X-WR-TIMEZONE", value: timeZone }]);
  for (const event of events) {
    calendar.createEvent({
      id: `${event.id}@shootq`,
      start: event.startsAt,
      end: event.endsAt ?? new Date(event.startsAt.getTime() + 60 * 60 * 1000),
      summary: `${event.name}: ${event.job.title}`,
      description: [`Client: ${event.job.contact.name}`, event.isShoot ? "Shoot" : null].filter(Boolean).join("\n"),
      location: event.location ?? undefined,
      url: jobUrl(origin, event.job.id),
    });
  }
  return calendar.toString();
}
