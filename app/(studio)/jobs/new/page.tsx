import { Card, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch } from "@/components/ui/filter-bar";
import { findContact, findContactOptions } from "@/lib/contacts/queries";
import { requireStudioContext } from "@/lib/auth/context";
import { searchParam, searchText, type SearchParams } from "@/lib/search-params";
import { JobForm } from "../_components/job-form";

export const metadata = { title: "New job" };

type Props = { searchParams: Promise<SearchParams> };

export default async function NewJobPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const search = await searchParams;
  const q = searchText.parse(search.client);
  const chosenId = searchParam.parse(search.contactId)?.slice(0, 64);
  const [found, chosen] = await Promise.all([
    findContactOptions(db, { studioId: user.studioId, q }),
    chosenId ? findContact(db, { studioId: user.studioId, contactId: chosenId }) : null,
  ]);
  // "New job" on a client's page arrives with that client chosen.
  const contacts = chosen ? [chosen, ...found.filter((c) => c.id !== chosen.id)] : found;
  return (
    <>
      <PageHeader title="New job" />
      <Card>
        <FilterBar action="/jobs/new" isSearch submitLabel="Search" className="mb-6 flex max-w-xl items-end gap-2">
          <FilterSearch
            label="Find a client"
            name="client"
            defaultValue={q}
            placeholder="Name or email"
            className="flex-1"
          />
        </FilterBar>
        {q ? (
          <p className="mb-4 text-sm text-slate-600">
            {contacts.length === 0 ? `No clients match “${q}”.` : `Clients matching “${q}” are in the list below.`}
          </p>
        ) : null}
        <JobForm brands={studio.brands} defaultBrandId={brandId} contacts={contacts} defaultContactId={chosen?.id} />
      </Card>
    </>
  );
}
