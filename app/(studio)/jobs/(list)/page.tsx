import Link from "next/link";
import { ExportLink } from "@/components/exports/export-link";
import { Pagination } from "@/components/ui/pagination";
import { JobStatusBadge } from "@/components/pipeline/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect, ViewTabs } from "@/components/ui/filter-bar";
import { dayKeyOf, dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findJobPage } from "@/lib/jobs/queries";
import { JOB_STATUS_LABELS, JOB_VIEWS, jobListParams, type JobView } from "@/lib/jobs/schemas";
import { type SearchParams } from "@/lib/search-params";

export const metadata = { title: "Jobs" };

type Props = { searchParams: Promise<SearchParams> };

export default async function JobsPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const params = jobListParams.parse(await searchParams);
  const todayKey = dayKeyOf(new Date(), studio.timeZone);
  const page = await findJobPage(db, { studioId: user.studioId, brandId, todayKey, ...params });
  return (
    <>
      <PageHeader title="Jobs">
        <ExportLink list="jobs" params={{ view: params.view, status: params.status }} />
        <Link href="/jobs/new" className={buttonClass("primary")}>
          New job
        </Link>
      </PageHeader>
      <Card>
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <ViewTabs
            label="Job views"
            views={(Object.entries(JOB_VIEWS) as [JobView, string][]).map(([view, label]) => ({
              href: `/jobs?view=${view}${params.status ? `&status=${params.status}` : ""}`,
              label,
              isCurrent: params.view === view,
            }))}
          />
          <FilterBar action="/jobs" className="flex items-end gap-2">
            <input type="hidden" name="view" value={params.view} />
            <FilterSelect
              label="Status"
              name="status"
              defaultValue={params.status}
              allLabel="All statuses"
              options={Object.entries(JOB_STATUS_LABELS)}
            />
          </FilterBar>
        </div>
        {page.rows.length === 0 ? (
          <EmptyState>No jobs here yet. Convert a lead or create a job.</EmptyState>
        ) : (
          <DataTable caption="Jobs" columns={["Job", "Client", "Type", "Date", "Brand", "Status"]}>
            {page.rows.map((job) => (
              <tr key={job.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">
                  <Link href={`/jobs/${job.id}`} className="font-medium text-brand-700 hover:underline">
                    {job.title}
                  </Link>
                </td>
                <td className="py-2 pr-3">{job.contact.name}</td>
                <td className="py-2 pr-3 capitalize">{job.type}</td>
                <td className="py-2 pr-3">{job.date ? formatShortDayKey(dayKeyOfDateColumn(job.date)) : "—"}</td>
                <td className="py-2 pr-3 text-slate-600">{job.brand.name}</td>
                <td className="py-2">
                  <JobStatusBadge status={job.status} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          basePath="/jobs"
          params={{ view: params.view, status: params.status }}
          next={page.next}
          prev={page.prev}
          label="Jobs pages"
        />
      </Card>
    </>
  );
}
