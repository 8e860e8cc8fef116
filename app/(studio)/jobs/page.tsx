import Link from "next/link";
import { z } from "zod";
import { Pagination } from "@/components/pipeline/pagination";
import { JobStatusBadge } from "@/components/pipeline/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { dayKeyOf, dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findJobPage, JOB_VIEWS, type JobView } from "@/lib/jobs/queries";
import { JOB_STATUS_LABELS, jobStatusField } from "@/lib/jobs/schemas";
import { type JobStatus } from "@/prisma/generated/prisma/enums";

export const metadata = { title: "Jobs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional());
const jobListParams = z.object({
  view: one.pipe(z.enum(Object.keys(JOB_VIEWS) as [JobView, ...JobView[]]).default("upcoming")).catch("upcoming"),
  status: one.pipe(jobStatusField.optional()).catch(undefined),
  after: one.catch(undefined),
  before: one.catch(undefined),
});

const control = "rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300";

export default async function JobsPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const params = jobListParams.parse(await searchParams);
  const todayKey = dayKeyOf(new Date(), studio.timeZone);
  const page = await findJobPage(db, { studioId: user.studioId, brandId, todayKey, ...params });
  return (
    <>
      <PageHeader title="Jobs">
        <Link href="/jobs/new" className={buttonClass("primary")}>
          New job
        </Link>
      </PageHeader>
      <Card>
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <nav aria-label="Job views" className="flex gap-1">
            {(Object.entries(JOB_VIEWS) as [JobView, string][]).map(([view, label]) => (
              <Link
                key={view}
                href={`/jobs?view=${view}${params.status ? `&status=${params.status}` : ""}`}
                aria-current={params.view === view ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${params.view === view ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {label}
              </Link>
            ))}
          </nav>
          <form method="get" action="/jobs" className="flex items-end gap-2">
            <input type="hidden" name="view" value={params.view} />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Status
              <select name="status" defaultValue={params.status ?? ""} className={control}>
                <option value="">All statuses</option>
                {(Object.entries(JOB_STATUS_LABELS) as [JobStatus, string][]).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              Apply
            </button>
          </form>
        </div>
        {page.rows.length === 0 ? (
          <EmptyState>No jobs here yet. Convert a lead or create a job.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Jobs</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-500">
                  <th scope="col" className="py-2 pr-3 font-medium">Job</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Client</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Type</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Date</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Brand</th>
                  <th scope="col" className="py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/jobs" params={{ view: params.view, status: params.status }} next={page.next} prev={page.prev} label="Jobs pages" />
      </Card>
    </>
  );
}
