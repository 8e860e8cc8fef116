import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Pagination } from "@/components/ui/pagination";
import { BookingStatusBadge } from "@/components/pipeline/status-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ViewTabs } from "@/components/ui/filter-bar";
import { findBookingPage } from "@/lib/bookings/queries";
import { bookingListParams } from "@/lib/bookings/schemas";
import { dayKeyOfDateColumn, formatDateTime, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { formatMoney } from "@/lib/money";
import { proposalTotal } from "@/lib/proposals/queries";
import { type SearchParams } from "@/lib/search-params";
import { confirmBookingAction } from "./actions";

export const metadata = { title: "Bookings" };

type Props = { searchParams: Promise<SearchParams> };

export default async function BookingsPage({ searchParams }: Props) {
  const { user, db, studio, brandId, money } = await requireStudioContext();
  const params = bookingListParams.parse(await searchParams);
  const status = params.show === "confirmed" ? "CONFIRMED" : "PENDING_REVIEW";
  const page = await findBookingPage(db, {
    studioId: user.studioId,
    brandId,
    status,
    after: params.after,
    before: params.before,
  });
  const tz = studio.timeZone;
  return (
    <>
      <PageHeader title="Bookings" />
      <Card>
        <ViewTabs
          label="Booking views"
          className="mb-4 flex gap-1"
          views={[
            { href: "/bookings?show=review", label: "To review", isCurrent: params.show === "review" },
            { href: "/bookings?show=confirmed", label: "Confirmed", isCurrent: params.show === "confirmed" },
          ]}
        />
        {page.rows.length === 0 ? (
          <EmptyState>
            {status === "PENDING_REVIEW"
              ? "No bookings to review. They appear here when a client accepts a proposal."
              : "No confirmed bookings yet."}
          </EmptyState>
        ) : (
          <ul
            aria-label={status === "PENDING_REVIEW" ? "Bookings to review" : "Confirmed bookings"}
            className="divide-y divide-slate-100"
          >
            {page.rows.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">
                    <Link href={`/jobs/${b.job.id}`} className="text-brand-700 hover:underline">
                      {b.job.title}
                    </Link>{" "}
                    <BookingStatusBadge status={b.status} />
                  </p>
                  <p className="text-slate-600">
                    {b.job.contact.name} accepted “{b.proposal.title}” (
                    {formatMoney(proposalTotal(b.proposal.items), money)}, deposit{" "}
                    {formatMoney(b.proposal.depositCents, money)}) on {formatDateTime(b.createdAt, tz)}
                  </p>
                  <p className="text-slate-500">
                    {b.job.brand.name}
                    {b.job.date ? ` · ${formatShortDayKey(dayKeyOfDateColumn(b.job.date))}` : ""}
                    {b.confirmedAt ? ` · Confirmed ${formatDateTime(b.confirmedAt, tz)}` : ""}
                  </p>
                </div>
                {b.status === "PENDING_REVIEW" ? (
                  <ActionButton
                    action={confirmBookingAction}
                    fields={{ bookingId: b.id }}
                    label="Confirm booking"
                    variant="primary"
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination
          basePath="/bookings"
          params={{ show: params.show }}
          next={page.next}
          prev={page.prev}
          label="Bookings pages"
        />
      </Card>
    </>
  );
}
