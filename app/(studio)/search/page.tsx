import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterLabel, filterControl } from "@/components/ui/filter-bar";
import { requireStudioContext } from "@/lib/auth/context";
import { searchStudio } from "@/lib/search/queries";
import { MIN_SEARCH_LENGTH, searchParams as searchParamsSchema } from "@/lib/search/schemas";

export const metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The header search as a page: where Enter leads, and all there is without JavaScript. */
export default async function SearchPage({ searchParams }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const { q } = searchParamsSchema.parse(await searchParams);
  const groups = await searchStudio(db, { studioId: user.studioId, q, timeZone: studio.timeZone, take: 25 });
  return (
    <>
      <PageHeader title={q ? `Search: ${q}` : "Search"} />
      <Card>
        <FilterBar action="/search" isSearch label="Search everything" submitLabel="Search">
          <FilterLabel label="Clients, leads, jobs and events">
            <input
              name="q"
              type="search"
              defaultValue={q}
              minLength={MIN_SEARCH_LENGTH}
              maxLength={100}
              placeholder="Name, email, title or place"
              className={filterControl}
            />
          </FilterLabel>
        </FilterBar>
        {q.length < MIN_SEARCH_LENGTH ? (
          <EmptyState>Type at least {MIN_SEARCH_LENGTH} letters of a name, email, job title or place.</EmptyState>
        ) : groups.length === 0 ? (
          <EmptyState>Nothing matches “{q}”.</EmptyState>
        ) : (
          <div className="space-y-6">
            {groups.map((group) => (
              <section key={group.kind} aria-labelledby={`search-${group.kind}`}>
                <h2 id={`search-${group.kind}`} className="mb-2 text-sm font-semibold text-slate-800">
                  {group.label}
                </h2>
                <ul aria-label={group.label} className="divide-y divide-slate-100">
                  {group.hits.map((hit) => (
                    <li key={hit.id} className="py-2 text-sm">
                      <Link href={hit.href} className="font-medium text-brand-700 hover:underline">
                        {hit.title}
                      </Link>
                      <p className="wrap-anywhere text-slate-600">{hit.detail}</p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </Card>
    </>
  );
}
