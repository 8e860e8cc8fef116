import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/lib/calendar/zoned";
import { type CalendarEvent } from "@/lib/events/queries";

export function ShootList({ shoots, timeZone }: { shoots: CalendarEvent[]; timeZone: string }) {
  if (shoots.length === 0) return <EmptyState>No upcoming shoots.</EmptyState>;
  return (
    <ul aria-label="Scheduled shoots" className="divide-y divide-slate-100">
      {shoots.map((shoot) => (
        <li key={shoot.id} className="py-2 text-sm">
          <p className="font-medium text-slate-900">{formatDateTime(shoot.startsAt, timeZone)}</p>
          <p>
            {shoot.name} ·{" "}
            <Link href={`/jobs/${shoot.job.id}`} className="text-brand-600 underline">
              {shoot.job.title}
            </Link>
          </p>
          {shoot.location ? <p className="text-slate-500">{shoot.location}</p> : null}
        </li>
      ))}
    </ul>
  );
}
