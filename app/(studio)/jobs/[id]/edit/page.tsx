import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch } from "@/components/ui/filter-bar";
import { requireStudioContext } from "@/lib/auth/context";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { findContactOptions } from "@/lib/contacts/queries";
import { contactListParams } from "@/lib/contacts/schemas";
import { findJob } from "@/lib/jobs/queries";
import { JobEditForm } from "../../_components/job-edit-form";

export const metadata = { title: "Edit job" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditJobPage({ params, searchParams }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const job = await findJob(db, { studioId: user.studioId, jobId: (await params).id.slice(0, 64) });
  if (!job) notFound();
  const { q } = contactListParams.parse(await searchParams);
  const found = await findContactOptions(db, { studioId: user.studioId, q });
  // The job's own client is always a choice, whatever the search found.
  const contacts = [job.contact, ...found.filter((c) => c.id !== job.contact.id)];
  return (
    <>
      <PageHeader title={`Edit ${job.title}`}>
        <Link href={`/jobs/${job.id}`} className="text-sm text-brand-600 hover:underline">
          Back to the job
        </Link>
      </PageHeader>
      <Card>
        <FilterBar
          action={`/jobs/${job.id}/edit`}
          isSearch
          label="Client search"
          className="mb-6 flex max-w-xl items-end gap-2"
        >
          <FilterSearch label="Find another client" name="q" defaultValue={q} placeholder="Name or email" />
        </FilterBar>
        <JobEditForm
          jobId={job.id}
          brands={studio.brands}
          contacts={contacts}
          defaults={{
            title: job.title,
            type: job.type,
            date: job.date ? dayKeyOfDateColumn(job.date) : "",
            brandId: job.brand.id,
            contactId: job.contact.id,
            notes: job.notes ?? "",
          }}
        />
      </Card>
    </>
  );
}
