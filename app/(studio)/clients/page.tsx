import Link from "next/link";
import { ExportLink } from "@/components/exports/export-link";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSearch } from "@/components/ui/filter-bar";
import { requireStudioContext } from "@/lib/auth/context";
import { dayKeyOf, formatShortDayKey } from "@/lib/calendar/zoned";
import { findContactPage } from "@/lib/contacts/queries";
import { contactListParams } from "@/lib/contacts/schemas";
import { countOf } from "@/lib/words";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Clients" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientsPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const params = contactListParams.parse(await searchParams);
  const page = await findContactPage(db, { studioId: user.studioId, brandId, ...params });
  const brand = studio.brands.find((b) => b.id === brandId);
  return (
    <>
      <PageHeader title="Clients">
        <ExportLink list="clients" params={{ q: params.q }} />
        <Link href="/imports?kind=clients" className={buttonClass("secondary")}>
          Import
        </Link>
      </PageHeader>
      <Card>
        <FilterBar action="/clients" isSearch label="Find clients" clearHref={params.q ? "/clients" : undefined}>
          <FilterSearch label="Search clients" name="q" defaultValue={params.q} placeholder="Name or email" />
        </FilterBar>
        {brand ? <p className="mb-3 text-sm text-slate-600">Clients with a job or lead under {brand.name}.</p> : null}
        {page.rows.length === 0 ? (
          <EmptyState>
            {params.q || brand
              ? "No clients match."
              : "No clients yet. Every inquiry and every job adds its client here."}
          </EmptyState>
        ) : (
          <DataTable caption="Clients" columns={["Name", "Phone", "Jobs and leads", "Client since"]}>
            {page.rows.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">
                  <Link href={`/clients/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  {c.email ? (
                    <EmailAddress address={c.email} className="block text-xs text-slate-500" />
                  ) : (
                    <span className="block text-xs text-slate-500">No email</span>
                  )}
                </td>
                <td className="py-2 pr-3 text-slate-600">{c.phone ?? "—"}</td>
                <td className="py-2 pr-3 text-slate-600">
                  {[
                    c.jobCount && countOf(c.jobCount, "job", "jobs"),
                    c.leadCount && countOf(c.leadCount, "lead", "leads"),
                  ]
                    .filter(Boolean)
                    .join(", ") || "—"}
                </td>
                <td className="py-2 text-slate-600">{formatShortDayKey(dayKeyOf(c.createdAt, studio.timeZone))}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          basePath="/clients"
          params={{ q: params.q }}
          next={page.next}
          prev={page.prev}
          label="Clients pages"
        />
      </Card>
    </>
  );
}
