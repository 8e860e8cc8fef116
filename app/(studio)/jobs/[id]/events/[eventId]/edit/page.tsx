import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { dayKeyOf, timeOfDayOf } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findEvent } from "@/lib/events/queries";
import { EventForm } from "../../../../_components/event-form";

export const metadata = { title: "Edit event" };

type Props = { params: Promise<{ id: string; eventId: string }> };

export default async function EditEventPage({ params }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const { id, eventId } = await params;
  const event = await findEvent(db, { studioId: user.studioId, eventId: eventId.slice(0, 64) });
  if (!event || event.job.id !== id) notFound();
  const tz = studio.timeZone;
  return (
    <>
      <PageHeader title={`Edit ${event.name}`}>
        <Link href={`/jobs/${event.job.id}`} className="text-sm text-brand-600 hover:underline">
          Back to {event.job.title}
        </Link>
      </PageHeader>
      <Card>
        <div className="max-w-xl">
          <EventForm
            mode="edit"
            eventId={event.id}
            defaults={{
              name: event.name,
              date: dayKeyOf(event.startsAt, tz),
              startTime: timeOfDayOf(event.startsAt, tz),
              endTime: event.endsAt ? timeOfDayOf(event.endsAt, tz) : "",
              location: event.location ?? "",
              isShoot: event.isShoot,
            }}
          />
        </div>
      </Card>
    </>
  );
}
