import { dateColumn } from "@/lib/calendar/zoned";
import { type Db } from "@/lib/db";
import { modelsOf, type Reader } from "@/lib/reader";
import { type JobView } from "@/lib/jobs/schemas";
import { findKeysetPage, type PageRequest, type Section } from "@/lib/pagination";
import { proposalRowSelect } from "@/lib/proposals/queries";
import { type JobStatus, type Prisma } from "@/prisma/generated/prisma/client";

export type JobListFilter = { studioId: string; brandId?: string; status?: JobStatus; view: JobView; todayKey: string };

const listSelect = {
  id: true,
  title: true,
  type: true,
  date: true,
  status: true,
  brand: { select: { name: true } },
  contact: { select: { name: true } },
} satisfies Prisma.JobSelect;

export type JobListRow = Prisma.JobGetPayload<{ select: typeof listSelect }>;

function jobSections({ studioId, brandId, status, view, todayKey }: JobListFilter): Section[] {
  const base = { studioId, ...(brandId ? { brandId } : {}), ...(status ? { status } : {}) };
  const today = dateColumn(todayKey);
  if (view === "past") return [{ where: { ...base, date: { lt: today } }, key: "date", dir: "desc" }];
  if (view === "unscheduled") return [{ where: { ...base, date: null }, key: null, dir: "desc" }];
  return [{ where: { ...base, date: { gte: today } }, key: "date", dir: "asc" }];
}

/** One page (25) of jobs: upcoming soonest first, past most recent first, or undated newest first. */
export function findJobPage(db: Db, filter: JobListFilter & PageRequest & { size?: number }) {
  return findKeysetPage<JobListRow>({
    sections: jobSections(filter),
    request: filter,
    size: filter.size,
    fetch: ({ where, orderBy, take }) =>
      db.job.findMany({
        where: where as Prisma.JobWhereInput,
        orderBy: orderBy as Prisma.JobOrderByWithRelationInput[],
        take,
        select: listSelect,
      }),
    keyOf: (row, section) => (section.key === "date" ? row.date : null),
  });
}

/** Also re-read inside a write (the API answers with what it saved). */
export function findJob(db: Reader, { studioId, jobId }: { studioId: string; jobId: string }) {
  return modelsOf(db).job.findFirst({
    where: { id: jobId, studioId },
    select: {
      id: true,
      title: true,
      type: true,
      date: true,
      status: true,
      notes: true,
      createdAt: true,
      brand: { select: { id: true, name: true } },
      contact: { select: { id: true, name: true, email: true, phone: true } },
      lead: { select: { id: true, name: true, status: true } },
      // A job has a handful of sessions, proposals and bookings; these lists are bounded, not paged.
      events: {
        where: { studioId },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: 100,
        select: { id: true, name: true, startsAt: true, endsAt: true, location: true, isShoot: true },
      },
      proposals: {
        where: { studioId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        select: proposalRowSelect,
      },
      bookings: {
        where: { studioId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        select: { id: true, status: true, createdAt: true, confirmedAt: true, proposal: { select: { title: true } } },
      },
    },
  });
}
export type JobDetail = NonNullable<Awaited<ReturnType<typeof findJob>>>;

/** Just enough of a job to head a form about it (the new-proposal page). */
export function findJobSummary(db: Db, { studioId, jobId }: { studioId: string; jobId: string }) {
  return db.job.findFirst({
    where: { id: jobId, studioId },
    select: { id: true, title: true, date: true, contact: { select: { name: true, email: true } } },
  });
}
