import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { findContactOptions } from "@/lib/contacts/queries";
import { requireStudioContext } from "@/lib/auth/context";
import { JobForm } from "../_components/job-form";

export const metadata = { title: "New job" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewJobPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const raw = (await searchParams).client;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) || undefined;
  const contacts = await findContactOptions(db, { studioId: user.studioId, q });
  return (
    <>
      <PageHeader title="New job" />
      <Card>
        <form method="get" action="/jobs/new" role="search" className="mb-6 flex max-w-xl items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm font-medium text-slate-700">
            Find a client
            <input
              name="client"
              type="search"
              defaultValue={q}
              maxLength={100}
              placeholder="Name or email"
              className="rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300"
            />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
        </form>
        {q ? <p className="mb-4 text-sm text-slate-600">{contacts.length === 0 ? `No clients match “${q}”.` : `Clients matching “${q}” are in the list below.`}</p> : null}
        <JobForm brands={studio.brands} defaultBrandId={brandId} contacts={contacts} />
      </Card>
    </>
  );
}
