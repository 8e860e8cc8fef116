import Link from "next/link";
import { Badge } from "@/components/pipeline/status-badge";
import { type AgendaDay } from "@/lib/calendar/week";
import { formatDayKey, formatTime } from "@/lib/calendar/zoned";
import { type CalendarEvent } from "@/lib/events/queries";

/**
 * One row per day with its events ("No scheduled events." on empty days), in the studio's zone.
 * With `perDay`, a busy day lists its first events and links the rest (`moreHref`): a studio with
 * dozens of events a day gets a dashboard of bounded size, and the calendar has them all.
 */
export function WeekAgenda({
  days,
  timeZone,
  todayKey,
  label,
  perDay,
  moreHref,
}: {
  days: AgendaDay<CalendarEvent>[];
  timeZone: string;
  todayKey: string;
  label: string;
  perDay?: number;
  moreHref?: (dayKey: string) => string;
}) {
  return (
    <ol aria-label={label} className="divide-y divide-slate-100">
      {days.map((day) => (
        <li
          key={day.key}
          aria-label={formatDayKey(day.key)}
          data-day={day.key}
          className="grid gap-2 py-3 sm:grid-cols-[12rem_1fr]"
        >
          <h3 className="text-sm font-medium text-slate-700">
            {day.key === todayKey ? <span className="mr-1 text-brand-600">Today ·</span> : null}
            {formatDayKey(day.key, todayKey)}
          </h3>
          {day.events.length === 0 ? (
            <p className="text-sm text-slate-600">No scheduled events.</p>
          ) : (
            <ul className="space-y-2">
              {day.events.slice(0, perDay).map((event) => (
                <li key={event.id} className="text-sm">
                  <span className="font-medium text-slate-900">
                    {formatTime(event.startsAt, timeZone)}
                    {event.endsAt ? `–${formatTime(event.endsAt, timeZone)}` : ""}
                  </span>{" "}
                  <span>{event.name}</span>
                  {" · "}
                  <Link href={`/jobs/${event.job.id}`} className="text-brand-600 underline">
                    {event.job.title}
                  </Link>
                  {event.location ? <span className="text-slate-500"> · {event.location}</span> : null}
                  {event.isShoot ? (
                    <span className="ml-2">
                      <Badge tone="violet">Shoot</Badge>
                    </span>
                  ) : null}
                </li>
              ))}
              {perDay !== undefined && moreHref && (day.total ?? day.events.length) > perDay ? (
                <li className="text-sm">
                  <Link href={moreHref(day.key)} className="font-medium text-brand-600 underline">
                    {(day.total ?? day.events.length) - perDay} more on {formatDayKey(day.key, todayKey)}
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
