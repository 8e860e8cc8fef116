import Link from "next/link";
import { Pagination } from "@/components/pipeline/pagination";
import { LeadStatusBadge } from "@/components/pipeline/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { dayKeyOf, dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findLeadPage } from "@/lib/leads/queries";
import { LEAD_SORTS, LEAD_STATUS_LABELS, LEAD_STATUSES, leadListParams } from "@/lib/leads/schemas";

export const metadata = { title: "Leads" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const control = "rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300";

export default async function LeadsPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const params = leadListParams.parse(await searchParams);
  const page = await findLeadPage(db, { studioId: user.studioId, brandId, ...params });
  const filtered = Boolean(params.q || params.status);
  return (
    <>
      <PageHeader title="Leads">
        <Link href="/leads/inquiry-form" className={buttonClass("secondary")}>
          Inquiry form
        </Link>
        <Link href="/leads/new" className={buttonClass("primary")}>
          New lead
        </Link>
      </PageHeader>
      <Card>
        <form method="get" action="/leads" role="search" className="mb-4 flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Search leads
            <input name="q" type="search" defaultValue={params.q} placeholder="Name or email" maxLength={100} className={control} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Stage
            <select name="status" defaultValue={params.status ?? ""} className={control}>
              <option value="">All stages</option>
              {LEAD_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {LEAD_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Sort
            <select name="sort" defaultValue={params.sort} className={control}>
              {Object.entries(LEAD_SORTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Apply
          </button>
          {filtered ? (
            <Link href="/leads" className="text-sm text-brand-600 hover:underline">
              Clear
            </Link>
          ) : null}
        </form>
        {page.rows.length === 0 ? (
          <EmptyState>
            {filtered ? "No leads match your search." : "No leads yet. Share your inquiry form, or add a lead by hand."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Leads</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-500">
                  <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Event</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Event date</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Stage</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Brand</th>
                  <th scope="col" className="py-2 font-medium">Received</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((lead) => (
                  <tr key={lead.id} className="border-b border-slate-100">
                    <td className="py-2 pr-3">
                      <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
                        {lead.name}
                      </Link>
                      <div className="text-xs text-slate-500">{lead.email}</div>
                    </td>
                    <td className="py-2 pr-3 capitalize">{lead.eventType}</td>
                    <td className="py-2 pr-3">{lead.eventDate ? formatShortDayKey(dayKeyOfDateColumn(lead.eventDate)) : "—"}</td>
                    <td className="py-2 pr-3">
                      <LeadStatusBadge status={lead.status} />
                    </td>
                    <td className="py-2 pr-3 text-slate-600">{lead.brand?.name ?? "—"}</td>
                    <td className="py-2 text-slate-600">{formatShortDayKey(dayKeyOf(lead.createdAt, studio.timeZone))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/leads" params={{ q: params.q, status: params.status, sort: params.sort }} next={page.next} prev={page.prev} label="Leads pages" />
      </Card>
    </>
  );
}
