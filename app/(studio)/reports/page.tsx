import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart, LineChart } from "@/components/reports/charts";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterLabel, ViewTabs, filterControl } from "@/components/ui/filter-bar";
import { requireStudioContext } from "@/lib/auth/context";
import { dayKeyOf, formatShortDayKey } from "@/lib/calendar/zoned";
import { formatMoney } from "@/lib/money";
import {
  FUNNEL_STAGES,
  canSeeReports,
  findBookingsByMonth,
  findBusiestShootTimes,
  findLeadFunnel,
  findResponseTimes,
  findRevenue,
  type FunnelGroup,
} from "@/lib/reports/queries";
import { REPORT_RANGES, parseReportRange } from "@/lib/reports/schemas";
import { type SearchParams } from "@/lib/search-params";

export const metadata = { title: "Reports" };

type Props = { searchParams: Promise<SearchParams> };

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`);

function duration(value: number | null, unit: "hours" | "days") {
  if (value === null) return "–";
  if (unit === "hours" && value < 1) return `${Math.round(value * 60)} min`;
  const rounded = value < 10 ? value.toFixed(1) : Math.round(value).toString();
  return `${rounded} ${unit === "hours" ? "h" : "days"}`;
}

export default async function ReportsPage({ searchParams }: Props) {
  const { user, db, studio, brandId, money } = await requireStudioContext();
  // Staff see reports only when the owner allowed it; otherwise the page does not exist for them.
  if (!(await canSeeReports(db, { studioId: user.studioId, role: user.role }))) notFound();
  const tz = studio.timeZone;
  const { range, errors } = parseReportRange(await searchParams, dayKeyOf(new Date(), tz));
  const scope = { studioId: user.studioId, brandId, from: range.from, to: range.to, timeZone: tz };
  const [bookings, funnel, times, revenue, shoots] = await Promise.all([
    findBookingsByMonth(db, scope),
    findLeadFunnel(db, scope),
    findResponseTimes(db, scope),
    findRevenue(db, { ...scope, currency: money.currency }),
    findBusiestShootTimes(db, scope),
  ]);
  const brand = studio.brands.find((b) => b.id === brandId)?.name ?? "all brands";
  const span = `${formatShortDayKey(range.from)} – ${formatShortDayKey(range.to)}`;
  const months = bookings.map((b) => monthLabel(b.month));
  const cash = (minor: number) => formatMoney(minor, money);

  return (
    <>
      <PageHeader title="Reports" />
      <Card className="mb-6">
        <ViewTabs
          label="Date range"
          className="mb-3 flex flex-wrap gap-1"
          views={REPORT_RANGES.map(([key, label]) => ({
            href: `/reports?range=${key}`,
            label,
            isCurrent: range.key === key,
          }))}
        />
        <FilterBar action="/reports" label="Your own dates" submitLabel="Show">
          <input type="hidden" name="range" value="custom" />
          <FilterLabel label="From">
            <input type="date" name="from" defaultValue={range.from} className={filterControl} />
          </FilterLabel>
          <FilterLabel label="To">
            <input type="date" name="to" defaultValue={range.to} className={filterControl} />
          </FilterLabel>
        </FilterBar>
        {errors.length > 0 ? (
          <div role="alert" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            <p>Those dates could not be used, so the last 12 months are shown:</p>
            <ul className="list-disc pl-5">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="mt-2 text-sm text-slate-600" data-testid="report-scope">
          {span}, {brand} (change the brand in the header). Days and months are in {tz.replaceAll("_", " ")} time.
        </p>
      </Card>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Bookings by month">
          <p className="mb-2 text-sm text-slate-600">
            Proposals clients accepted ({bookings.reduce((n, b) => n + b.bookings, 0)} in these dates), by the month
            they accepted, beside the same month a year earlier. The value is the accepted proposal&apos;s total.
          </p>
          <BarChart
            label={`Bookings per month, ${span}, against a year earlier`}
            categoryHeading="Month"
            categories={months}
            series={[
              { name: "Bookings", values: bookings.map((b) => b.bookings), tone: "current" },
              { name: "A year earlier", values: bookings.map((b) => b.lastYear.bookings), tone: "previous" },
            ]}
            empty="No bookings in these dates or a year earlier. Each month's bookings will show here, beside the same month a year before."
          />
          <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-800">Booked value</h3>
          <LineChart
            label={`Booked value per month, ${span}, against a year earlier`}
            categoryHeading="Month"
            categories={months}
            format={cash}
            series={[
              { name: "Booked value", values: bookings.map((b) => b.value), tone: "current" },
              { name: "A year earlier", values: bookings.map((b) => b.lastYear.value), tone: "previous" },
            ]}
            empty="No booked value in these dates or a year earlier. The value of each month's accepted proposals will show here."
          />
        </Card>

        <Card title="Lead funnel">
          <p className="mb-2 text-sm text-slate-600">
            Leads that arrived in these dates, by the furthest stage they reached. A lost lead counts as an inquiry
            only.
          </p>
          <BarChart
            label={`Lead funnel, ${span}`}
            categoryHeading="Stage"
            categories={FUNNEL_STAGES.map(([, label]) => label)}
            series={[{ name: "Leads", values: FUNNEL_STAGES.map(([key]) => funnel.total[key]), tone: "current" }]}
            empty="No leads arrived in these dates. How many were contacted, sent a proposal and booked will show here."
          />
          <ConversionTable caption="Conversion by lead source" heading="Source" groups={funnel.bySource} />
          <ConversionTable caption="Conversion by brand" heading="Brand" groups={funnel.byBrand} />
        </Card>

        <Card title="Response times">
          <p className="mb-2 text-sm text-slate-600">
            Medians over the leads that arrived in these dates. <strong>First reply</strong> is the first email the
            studio sent the lead&apos;s address after the inquiry arrived (a message, a proposal or an invoice; not the
            automatic reply). <strong>Booking</strong> is when the client accepted the proposal of the job the lead
            became.
          </p>
          {times.leads === 0 ? (
            <p className="py-6 text-center text-sm text-slate-500">
              No leads arrived in these dates. The median time to your first reply and to a booking will show here.
            </p>
          ) : (
            <DataTable caption={`Response times, ${span}`} columns={["Measure", "Median", "Leads measured"]}>
              {(
                [
                  ["Inquiry to first reply", duration(times.medianReplyHours, "hours"), times.replied],
                  ["Inquiry to booking", duration(times.medianBookingDays, "days"), times.booked],
                ] as const
              ).map(([measure, median, measured]) => (
                <tr key={measure} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {measure}
                  </th>
                  <td className="py-1 pr-3 tabular-nums">{median}</td>
                  <td className="py-1 tabular-nums">
                    {measured} of {times.leads}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>

        <Card title="Revenue">
          <p className="mb-2 text-sm text-slate-600">
            Payments received less refunds, by the month received, and what clients still owe, by the month it falls
            due. Amounts in {money.currency}.
          </p>
          <p className="mb-3 text-sm">
            Overdue now:{" "}
            <strong className="tabular-nums" data-testid="overdue-balance">
              {cash(revenue.overdue)}
            </strong>{" "}
            on{" "}
            <Link href="/invoices?view=overdue" className="text-brand-700 underline">
              {revenue.overdueInvoices} {revenue.overdueInvoices === 1 ? "invoice" : "invoices"}
            </Link>
          </p>
          <BarChart
            label={`Revenue received and outstanding per month, ${span}`}
            categoryHeading="Month"
            categories={revenue.months.map((m) => monthLabel(m.month))}
            format={cash}
            series={[
              { name: "Received", values: revenue.months.map((m) => m.received), tone: "current" },
              { name: "Outstanding", values: revenue.months.map((m) => m.outstanding), tone: "accent" },
            ]}
            empty="No payments received or due in these dates. Money received and still owed each month will show here."
          />
        </Card>

        <Card title="Busiest times for shoots" className="xl:col-span-2">
          <p className="mb-2 text-sm text-slate-600">
            Shoots scheduled in these dates ({shoots.total}), by month of the year and by day of the week.
          </p>
          <div className="grid gap-6 lg:grid-cols-2">
            <BarChart
              label={`Shoots by month of the year, ${span}`}
              categoryHeading="Month"
              categories={MONTH_NAMES}
              series={[{ name: "Shoots", values: shoots.byMonth, tone: "current" }]}
              empty="No shoots in these dates. Which months you shoot most will show here."
            />
            <BarChart
              label={`Shoots by day of the week, ${span}`}
              categoryHeading="Day"
              categories={WEEKDAYS}
              series={[{ name: "Shoots", values: shoots.byWeekday, tone: "current" }]}
              empty="No shoots in these dates. Which days of the week you shoot most will show here."
            />
          </div>
        </Card>
      </div>
    </>
  );
}

function ConversionTable({ caption, heading, groups }: { caption: string; heading: string; groups: FunnelGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="mb-1 text-sm font-semibold text-slate-800">{caption}</h3>
      <DataTable caption={caption} columns={[heading, ...FUNNEL_STAGES.map(([, label]) => label), "Conversion"]}>
        {groups.map((g) => (
          <tr key={g.key ?? "none"} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {g.label}
            </th>
            {FUNNEL_STAGES.map(([key]) => (
              <td key={key} className="py-1 pr-3 tabular-nums">
                {g[key]}
              </td>
            ))}
            <td className="py-1 tabular-nums">{percent(g.booked, g.inquiries)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
