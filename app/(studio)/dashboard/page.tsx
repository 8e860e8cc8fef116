import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { ShootList } from "@/components/calendar/shoot-list";
import { WeekAgenda } from "@/components/calendar/week-agenda";
import { Pagination } from "@/components/ui/pagination";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findActiveBroadcasts } from "@/lib/broadcasts/queries";
import { formatCount, loadDashboard } from "@/lib/dashboard/queries";
import { DASHBOARD_PAGE_PARAMS, dashboardParams } from "@/lib/dashboard/schemas";
import { type SearchParams } from "@/lib/search-params";
import { formatMoney } from "@/lib/money";
import { describeDue, overdueDays } from "@/lib/workflows/due-dates";
import { formatNextTask } from "@/lib/workflows/queries";
import { hasFailedEmails } from "@/lib/email/queries";
import { findOwnerConfirmation } from "@/lib/account/queries";
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
  const [d, broadcasts, hasFailed, owner] = await Promise.all([
    loadDashboard(db, {
      studioId: user.studioId,
      userId: user.id,
      brandId,
      timeZone: tz,
      currency: money.currency,
      now,
      pages,
    }),
    findActiveBroadcasts(db, { userId: user.id, now }),
    hasFailedEmails(db, { studioId: user.studioId }),
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
            {hasFailed ? <FailedEmailBanner /> : null}
            <ul className="mb-3 space-y-1 text-sm">
              <li data-testid="new-leads">
                <Link href="/leads?status=NEW" className="hover:underline">
                  You have {formatCount(d.newLeads)} new lead(s).
                </Link>
              </li>
              <li data-testid="bookings-to-review">
                <Link href="/bookings" className="hover:underline">
                  You have {formatCount(d.bookingsToReview)} booking(s) to review.
                </Link>
              </li>
              <li data-testid="overdue-payments">
                <Link
                  href="/invoices?view=overdue"
                  className={`hover:underline ${d.overduePayments > 0 ? "font-medium text-red-700" : ""}`}
                >
                  {formatCount(d.overduePayments)} payment{d.overduePayments === 1 ? "" : "s"} overdue
                </Link>
              </li>
              <li data-testid="received-this-month">
                <Link href="/invoices?view=paid" className="hover:underline">
                  {formatMoney(d.receivedThisMonth, money)} received this month
                </Link>
              </li>
            </ul>
            {d.whatsNew.rows.length === 0 ? (
              <EmptyState>You&apos;re all caught up.</EmptyState>
            ) : (
              <ul aria-label="Notifications" className="divide-y divide-slate-100">
                {d.whatsNew.rows.map((n) => (
                  <li key={n.id} className="flex items-start justify-between gap-3 py-2 text-sm">
                    <div>
                      {n.link ? (
                        <Link href={n.link} className="font-medium text-brand-700 hover:underline">
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
            {d.whatsNext.rows.length === 0 ? (
              <EmptyState>No open tasks. Start a workflow on a job and its next step shows up here.</EmptyState>
            ) : (
              <ul aria-label="Next tasks" className="divide-y divide-slate-100">
                {d.whatsNext.rows.map((t) => (
                  <li key={t.id} className="py-2 text-sm">
                    <Link href={`/jobs/${t.jobId}`} className="font-medium text-slate-900 hover:underline">
                      {formatNextTask(t)}
                    </Link>
                    <p
                      className={`text-xs ${overdueDays(t.dueAt, now, tz) > 0 ? "font-medium text-red-600" : "text-slate-500"}`}
                    >
                      {describeDue(t.dueAt, now, tz)}
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
            <WeekAgenda days={d.week} timeZone={tz} todayKey={d.todayKey} label="What's Happening" />
          </Card>
          <Card title="Scheduled Shoots">
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
