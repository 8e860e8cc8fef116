import Link from "next/link";
import { ExportLink } from "@/components/exports/export-link";
import { Pagination } from "@/components/ui/pagination";
import { ShootList } from "@/components/calendar/shoot-list";
import { WeekAgenda } from "@/components/calendar/week-agenda";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { findCalendarToken } from "@/lib/calendar/queries";
import { calendarParams } from "@/lib/calendar/schemas";
import { agendaRange, groupByDay } from "@/lib/calendar/week";
import { addDays, dayKeyOf, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findEventsBetween, findUpcomingShootPage } from "@/lib/events/queries";
import { type SearchParams } from "@/lib/search-params";
import { calendarFeedUrl, calendarWeekPath, publicOrigin } from "@/lib/urls";
import { ActionButton } from "@/components/ui/action-button";
import { rotateCalendarFeedAction } from "./actions";

export const metadata = { title: "Calendar" };

type Props = { searchParams: Promise<SearchParams> };

export default async function CalendarPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const params = calendarParams.parse(await searchParams);
  const tz = studio.timeZone;
  const now = new Date();
  const todayKey = dayKeyOf(now, tz);
  const firstDay = params.week ?? todayKey;
  const range = agendaRange(firstDay, tz);
  const [events, shoots, token] = await Promise.all([
    findEventsBetween(db, { studioId: user.studioId, brandId, ...range }),
    findUpcomingShootPage(db, {
      studioId: user.studioId,
      brandId,
      from: now,
      after: params.shoots,
      before: params.shootsBefore,
    }),
    findCalendarToken(db, { studioId: user.studioId, userId: user.id }),
  ]);
  const feedUrl = token ? calendarFeedUrl(await publicOrigin(), token) : null;
  return (
    <>
      <PageHeader title="Calendar" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card
            title={`Week of ${formatShortDayKey(firstDay)}`}
            action={
              <nav aria-label="Weeks" className="flex gap-2">
                <Link href={calendarWeekPath(addDays(firstDay, -7))} className={buttonClass("secondary")}>
                  ← Previous week
                </Link>
                {firstDay !== todayKey ? (
                  <Link href="/calendar" className={buttonClass("ghost")}>
                    Today
                  </Link>
                ) : null}
                <Link href={calendarWeekPath(addDays(firstDay, 7))} className={buttonClass("secondary")}>
                  Next week →
                </Link>
              </nav>
            }
          >
            <WeekAgenda days={groupByDay(events, firstDay, tz)} timeZone={tz} todayKey={todayKey} label="Week" />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Scheduled shoots" action={<ExportLink list="events" />}>
            <ShootList shoots={shoots.rows} timeZone={tz} />
            <Pagination
              basePath="/calendar"
              params={{ week: params.week }}
              next={shoots.next}
              prev={shoots.prev}
              afterParam="shoots"
              beforeParam="shootsBefore"
              label="Shoots pages"
            />
          </Card>
          <Card title="Subscribe in your calendar app">
            {feedUrl ? (
              <>
                <p className="text-sm text-slate-600">
                  Add this private address to Google Calendar (Other calendars → From URL) or Apple Calendar (File → New
                  Calendar Subscription). Keep it to yourself: anyone with it can see your schedule.
                </p>
                <label htmlFor="calendar-feed-url" className="mt-3 block text-sm font-medium text-slate-700">
                  Calendar feed URL
                </label>
                <input
                  id="calendar-feed-url"
                  readOnly
                  value={feedUrl}
                  className="mt-1 block w-full rounded-md bg-slate-100 px-3 py-2 font-mono text-xs text-slate-800"
                />
                <p className="mt-2 text-xs text-slate-500">Times are in {tz}.</p>
              </>
            ) : (
              <p className="text-sm text-slate-600">
                Your calendar address was issued before ShootQ stopped storing it, so it cannot be shown again. It keeps
                working; get a new one to see it here.
              </p>
            )}
            <div className="mt-3">
              <ActionButton
                action={rotateCalendarFeedAction}
                fields={{}}
                label="Get a new address"
                pendingLabel="Issuing…"
                confirm="Calendar apps subscribed to the current address will stop updating. Get a new address?"
              />
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}
