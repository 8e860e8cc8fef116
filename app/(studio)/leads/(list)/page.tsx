import Link from "next/link";
import { ExportLink } from "@/components/exports/export-link";
import { AvailabilityBadge } from "@/components/pipeline/availability-badge";
import { Pagination } from "@/components/ui/pagination";
import { Badge, LeadStatusBadge } from "@/components/pipeline/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { findLeadAvailability } from "@/lib/availability/queries";
import { dayKeyOf, dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findLeadPage } from "@/lib/leads/queries";
import { LEAD_SHOWS, LEAD_SORTS, leadListParams } from "@/lib/leads/schemas";
import { type SearchParams } from "@/lib/search-params";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Leads" };

type Props = { searchParams: Promise<SearchParams> };

export default async function LeadsPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const params = leadListParams.parse(await searchParams);
  const page = await findLeadPage(db, { studioId: user.studioId, brandId, ...params });
  const availability = await findLeadAvailability(db, {
    studioId: user.studioId,
    timeZone: studio.timeZone,
    jobsPerDay: studio.jobsPerDay,
    leads: page.rows,
  });
  const filtered = Boolean(params.q || params.status !== "open");
  return (
    <>
      <PageHeader title="Leads">
        <ExportLink list="leads" params={{ q: params.q, status: params.status, sort: params.sort }} />
        <Link href="/imports?kind=leads" className={buttonClass("secondary")}>
          Import
        </Link>
        <Link href="/leads/inquiry-form" className={buttonClass("secondary")}>
          Inquiry form
        </Link>
        <Link href="/leads/new" className={buttonClass("primary")}>
          New lead
        </Link>
      </PageHeader>
      <Card>
        <FilterBar action="/leads" isSearch clearHref={filtered ? "/leads" : undefined}>
          <FilterSearch label="Search leads" name="q" defaultValue={params.q} placeholder="Name or email" />
          <FilterSelect label="Show" name="status" defaultValue={params.status} options={Object.entries(LEAD_SHOWS)} />
          <FilterSelect label="Sort" name="sort" defaultValue={params.sort} options={Object.entries(LEAD_SORTS)} />
        </FilterBar>
        {page.rows.length === 0 ? (
          <EmptyState>
            {filtered
              ? "No leads match your search."
              : "No open leads. Share your inquiry form, or add a lead by hand; booked, lost and archived leads are under Show."}
          </EmptyState>
        ) : (
          <DataTable caption="Leads" columns={["Name", "Event", "Event date", "Stage", "Brand", "Received"]}>
            {page.rows.map((lead) => (
              <tr key={lead.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">
                  <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
                    {lead.name}
                  </Link>
                  <EmailAddress address={lead.email} className="block text-xs text-slate-500" />
                </td>
                <td className="py-2 pr-3 capitalize">{lead.eventType}</td>
                <td className="py-2 pr-3">
                  {lead.eventDate ? formatShortDayKey(dayKeyOfDateColumn(lead.eventDate)) : "—"}
                  {availability.has(lead.id) ? (
                    <div>
                      <AvailabilityBadge availability={availability.get(lead.id)!} />
                    </div>
                  ) : null}
                </td>
                <td className="py-2 pr-3">
                  <LeadStatusBadge status={lead.status} />{" "}
                  {lead.archivedAt ? <Badge tone="slate">Archived</Badge> : null}
                </td>
                <td className="py-2 pr-3 text-slate-600">{lead.brand?.name ?? "—"}</td>
                <td className="py-2 text-slate-600">{formatShortDayKey(dayKeyOf(lead.createdAt, studio.timeZone))}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          basePath="/leads"
          params={{ q: params.q, status: params.status, sort: params.sort }}
          next={page.next}
          prev={page.prev}
          label="Leads pages"
        />
      </Card>
    </>
  );
}
