import Link from "next/link";
import { AvailabilityBadge } from "@/components/pipeline/availability-badge";
import { ActionButton } from "@/components/ui/action-button";
import { ShootList } from "@/components/calendar/shoot-list";
import { WeekAgenda } from "@/components/calendar/week-agenda";
import { Pagination } from "@/components/ui/pagination";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { dayKeyOf, dayKeyOfDateColumn, daysBetween, formatDateTime, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findActiveBroadcasts } from "@/lib/broadcasts/queries";
import { EVENTS_SHOWN_PER_DAY, formatCount, loadDashboard } from "@/lib/dashboard/queries";
import { DASHBOARD_PAGE_PARAMS, dashboardParams } from "@/lib/dashboard/schemas";
import { type SearchParams } from "@/lib/search-params";
import { calendarWeekPath, contractPath } from "@/lib/urls";
import { formatMoney } from "@/lib/money";
import { describeDue, overdueDays } from "@/lib/workflows/due-dates";
import { formatTask } from "@/lib/workflows/queries";
import { findOwnerConfirmation } from "@/lib/account/queries";
import { countOf } from "@/lib/words";
import { Broadcasts } from "./_components/broadcasts";
import { FailedEmailBanner } from "./_components/failed-email-banner";
import { UnconfirmedOwnerBanner } from "../_components/unconfirmed-owner-banner";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export const metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<SearchParams> };

export default async function DashboardPage({ searchParams }: Props) {
  const { user, db, studio, brandId, money } = await requireStudioContext();
  const pages = dashboardParams.parse(await searchParams);
  const now = new Date();
  const tz = studio.timeZone;
  const [d, broadcasts, owner] = await Promise.all([
    loadDashboard(db, {
      studioId: user.studioId,
      userId: user.id,
      brandId,
      timeZone: tz,
      currency: money.currency,
      jobsPerDay: studio.jobsPerDay,
      now,
      pages,
      contractReminderDays: studio.contractReminderDays,
    }),
    findActiveBroadcasts(db, { userId: user.id, now }),
    findOwnerConfirmation(db, { studioId: user.studioId }),
  ]);
  // Each list pages on its own; the others keep their place.
  const keep = (drop: (typeof DASHBOARD_PAGE_PARAMS)[number][]) =>
    Object.fromEntries(DASHBOARD_PAGE_PARAMS.filter((k) => !drop.includes(k)).map((k) => [k, pages[k]]));

  return (
    <>
      <PageHeader title={`Welcome back, ${user.name.split(" ")[0]}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card
            title="What's New"
            action={
              d.whatsNew.rows.length > 0 ? (
                <ActionButton
                  action={markAllNotificationsReadAction}
                  fields={{}}
                  label="Mark all as read"
                  variant="ghost"
                />
              ) : null
            }
          >
            <Broadcasts broadcasts={broadcasts} />
            {owner.isConfirmed ? null : (
              <UnconfirmedOwnerBanner ownerEmail={owner.ownerEmail} isOwner={owner.ownerId === user.id} />
            )}
            {d.hasFailedEmails ? <FailedEmailBanner /> : null}
            {/* Zero counts are not news: each count shows only when there is something to do. */}
            <ul className="mb-3 space-y-1 text-sm">
              {d.newLeads > 0 ? (
                <li data-testid="new-leads">
                  <Link href="/leads?status=NEW" className="underline">
                    You have {countOf(d.newLeads, "new lead", "new leads", formatCount)}.
                  </Link>
                </li>
              ) : null}
              {d.bookingsToReview > 0 ? (
                <li data-testid="bookings-to-review">
                  <Link href="/bookings" className="underline">
                    You have {countOf(d.bookingsToReview, "booking", "bookings", formatCount)} to review.
                  </Link>
                </li>
              ) : null}
              {d.overduePayments > 0 ? (
                <li data-testid="overdue-payments">
                  <Link href="/invoices?view=overdue" className="font-medium text-red-700 underline">
                    {countOf(d.overduePayments, "payment", "payments", formatCount)} overdue
                  </Link>
                </li>
              ) : null}
              <li data-testid="received-this-month">
                <Link href="/invoices?view=paid" className="underline">
                  {formatMoney(d.receivedThisMonth, money)} received this month
                </Link>
              </li>
            </ul>
            {d.newLeadsPreview.length > 0 ? (
              <ul aria-label="New leads" className="mb-3 divide-y divide-slate-100 rounded-md bg-slate-50 px-3 text-sm">
                {d.newLeadsPreview.map((lead) => (
                  <li key={lead.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 underline">
                        {lead.name}
                      </Link>{" "}
                      <span className="text-slate-600">
                        · <span className="capitalize">{lead.eventType}</span>
                        {lead.eventDate ? ` · ${formatShortDayKey(dayKeyOfDateColumn(lead.eventDate))}` : ""}
                      </span>
                    </span>
                    {lead.availability ? <AvailabilityBadge availability={lead.availability} /> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {d.whatsNew.rows.length === 0 ? (
              <EmptyState>You&apos;re all caught up.</EmptyState>
            ) : (
              <ul aria-label="Notifications" className="divide-y divide-slate-100">
                {d.whatsNew.rows.map((n) => (
                  <li key={n.id} className="flex items-start justify-between gap-3 py-2 text-sm">
                    <div>
                      {n.link ? (
                        <Link href={n.link} className="font-medium text-brand-700 underline">
                          {n.message}
                        </Link>
                      ) : (
                        <span className="font-medium text-slate-900">{n.message}</span>
                      )}
                      <p className="text-xs text-slate-500">{formatDateTime(n.createdAt, tz)}</p>
                    </div>
                    <ActionButton
                      action={markNotificationReadAction}
                      fields={{ notificationId: n.id }}
                      label="Mark read"
                      variant="ghost"
                    />
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              basePath="/dashboard"
              params={keep(["news", "newsBefore"])}
              next={d.whatsNew.next}
              prev={d.whatsNew.prev}
              afterParam="news"
              beforeParam="newsBefore"
              label="Notifications pages"
            />
          </Card>

          <Card title="What's Next">
            {d.unsignedContracts.length > 0 ? (
              <ul
                aria-label="Unsigned contracts"
                className="mb-3 divide-y divide-slate-100 rounded-md bg-amber-50 px-3"
              >
                {d.unsignedContracts.map((c) => (
                  <li key={c.id} className="py-2 text-sm">
                    <Link href={contractPath(c.jobId, c.id)} className="font-medium text-slate-900 underline">
                      Contract for {c.jobTitle} is not signed yet
                    </Link>
                    <p className="text-xs text-amber-800">
                      Sent {formatDateTime(c.sentAt, tz)} ·{" "}
                      {countOf(daysBetween(dayKeyOf(c.sentAt, tz), dayKeyOf(now, tz)), "day", "days")} ago. Re-send it
                      or get in touch.
                    </p>
                  </li>
                ))}
              </ul>
            ) : null}
            {d.whatsNext.rows.length === 0 ? (
              <EmptyState>No open tasks. Start a workflow on a job and its next step shows up here.</EmptyState>
            ) : (
              <ul aria-label="Next tasks" className="divide-y divide-slate-100">
                {d.whatsNext.rows.map((t) => (
                  <li key={t.id} className="py-2 text-sm">
                    <Link href={`/jobs/${t.jobId}/workflow`} className="font-medium text-slate-900 underline">
                      {formatTask(t)}
                    </Link>
                    <p className="text-xs text-slate-600">
                      {t.jobTitle} ·{" "}
                      <span
                        className={overdueDays(t.dueAt, now, tz) > 0 ? "font-medium text-red-600" : "text-slate-500"}
                      >
                        {describeDue(t.dueAt, now, tz)}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              basePath="/dashboard"
              params={keep(["next", "nextBefore"])}
              next={d.whatsNext.next}
              prev={d.whatsNext.prev}
              afterParam="next"
              beforeParam="nextBefore"
              label="Tasks pages"
            />
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="What's Happening">
            <WeekAgenda
              days={d.week}
              timeZone={tz}
              todayKey={d.todayKey}
              label="What's Happening"
              perDay={EVENTS_SHOWN_PER_DAY}
              moreHref={calendarWeekPath}
            />
          </Card>
          <Card title="Scheduled Shoots">
            <p className="mb-2 text-xs text-slate-500">After this week.</p>
            <ShootList shoots={d.shoots.rows} timeZone={tz} />
            <Pagination
              basePath="/dashboard"
              params={keep(["shoots", "shootsBefore"])}
              next={d.shoots.next}
              prev={d.shoots.prev}
              afterParam="shoots"
              beforeParam="shootsBefore"
              label="Shoots pages"
            />
          </Card>
        </div>
      </div>
    </>
  );
}
