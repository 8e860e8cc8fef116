import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterLabel, filterControl } from "@/components/ui/filter-bar";
import { requireStudioContext } from "@/lib/auth/context";
import { dayKeyOf, dayKeyOfDateColumn, formatDateTime, formatShortDayKey } from "@/lib/calendar/zoned";
import { defaultEventIds, findRescheduleJob, planReschedule } from "@/lib/reschedule/plan";
import { reschedulePreviewParams } from "@/lib/reschedule/schemas";
import { type ShiftLine } from "@/lib/reschedule/shift";
import { countOf } from "@/lib/words";
import { ApplyRescheduleForm } from "../../_components/apply-reschedule-form";

export const metadata = { title: "Reschedule" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const KIND_LABELS: Record<string, string> = { task: "Task", event: "Event", installment: "Payment due" };

export default async function ReschedulePage({ params, searchParams }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const job = await findRescheduleJob(db, { studioId: user.studioId, jobId: (await params).id.slice(0, 64) });
  if (!job) notFound();
  const tz = studio.timeZone;
  const back = (
    <Link href={`/jobs/${job.id}`} className="text-sm text-brand-600 hover:underline">
      Back to the job
    </Link>
  );
  if (!job.date) {
    return (
      <>
        <PageHeader title={`Reschedule ${job.title}`}>{back}</PageHeader>
        <Card>
          <EmptyState>
            This job has no date yet, so nothing moves with it.{" "}
            <Link href={`/jobs/${job.id}/edit`} className="text-brand-600 hover:underline">
              Set its date
            </Link>
            .
          </EmptyState>
        </Card>
      </>
    );
  }
  const from = dayKeyOfDateColumn(job.date);
  const parsed = reschedulePreviewParams.safeParse(await searchParams);
  const to = parsed.success ? parsed.data.date : undefined;
  const ownIds = new Set(job.events.map((e) => e.id));
  const eventIds =
    parsed.success && parsed.data.chosen
      ? parsed.data.event.filter((id) => ownIds.has(id))
      : defaultEventIds(job.events, from, tz);
  const plan =
    to && to !== from ? await planReschedule(db, { studioId: user.studioId, jobId: job.id, to, eventIds }) : null;
  const show = (line: ShiftLine, value: string) =>
    line.show === "date" ? formatShortDayKey(dayKeyOf(new Date(value), tz)) : formatDateTime(new Date(value), tz);

  return (
    <>
      <PageHeader title={`Reschedule ${job.title}`}>{back}</PageHeader>
      <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
        <Card title="New date">
          <FilterBar
            action={`/jobs/${job.id}/reschedule`}
            label="New date and events to move"
            className="space-y-4"
            submitLabel="Show what moves"
          >
            <input type="hidden" name="chosen" value="1" />
            <p className="text-sm text-slate-600">Now on {formatShortDayKey(from)}.</p>
            <FilterLabel label="Move to">
              <input name="date" type="date" required defaultValue={to ?? ""} className={filterControl} />
            </FilterLabel>
            {parsed.success || !to ? null : <p className="text-sm text-red-600">Enter a real date as YYYY-MM-DD.</p>}
            {job.events.length > 0 ? (
              <fieldset>
                <legend className="mb-2 text-sm font-medium text-slate-700">Events to move with it</legend>
                <ul className="space-y-2">
                  {job.events.map((e) => (
                    <li key={e.id}>
                      <label className="flex items-start gap-2 text-sm text-slate-700">
                        <input
                          type="checkbox"
                          name="event"
                          value={e.id}
                          defaultChecked={eventIds.includes(e.id)}
                          className="mt-0.5 h-4 w-4 rounded border-slate-300"
                        />
                        <span>
                          {e.name} <span className="text-slate-500">({formatDateTime(e.startsAt, tz)})</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
          </FilterBar>
        </Card>
        <Card title="What moves">
          {!plan ? (
            <EmptyState>
              {to === from
                ? "That is the job's current date."
                : "Choose the new date to see everything that moves with it."}
            </EmptyState>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-700">
                {job.title} moves from {formatShortDayKey(plan.from)} to <strong>{formatShortDayKey(plan.to)}</strong> (
                {countOf(Math.abs(plan.days), "day", "days")} {plan.days > 0 ? "later" : "earlier"}).
              </p>
              {plan.lines.length === 0 ? (
                <p className="mb-4 text-sm text-slate-600">Nothing else moves with it.</p>
              ) : (
                <table className="mb-4 w-full text-sm">
                  <caption className="sr-only">What moves with the job</caption>
                  <thead>
                    <tr className="border-b border-slate-200 text-left text-slate-500">
                      <th scope="col" className="py-2 pr-3 font-medium">
                        What
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Now
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        Moves to
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.lines.map((line) => (
                      <tr key={`${line.kind}-${line.id}`} className="border-b border-slate-100">
                        <td className="py-2 pr-3">
                          <span className="text-slate-500">{KIND_LABELS[line.kind] ?? line.kind}:</span> {line.label}
                        </td>
                        <td className="py-2 pr-3 text-slate-600">{show(line, line.before)}</td>
                        <td className="py-2 font-medium text-slate-900">{show(line, line.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <ApplyRescheduleForm jobId={job.id} date={plan.to} eventIds={eventIds} fingerprint={plan.fingerprint} />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
