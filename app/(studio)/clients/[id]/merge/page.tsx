import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { FilterBar, FilterSearch } from "@/components/ui/filter-bar";
import { requireStudioContext } from "@/lib/auth/context";
import { findContact, findMergeCandidates } from "@/lib/contacts/queries";
import { contactListParams } from "@/lib/contacts/schemas";
import { mergeContactsAction } from "../../actions";

export const metadata = { title: "Merge clients" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MergeClientPage({ params, searchParams }: Props) {
  const { user, db } = await requireStudioContext();
  const contact = await findContact(db, { studioId: user.studioId, contactId: (await params).id.slice(0, 64) });
  if (!contact) notFound();
  const { q } = contactListParams.parse(await searchParams);
  const candidates = await findMergeCandidates(db, { studioId: user.studioId, contactId: contact.id, q });
  return (
    <>
      <PageHeader title={`Merge a duplicate into ${contact.name}`}>
        <Link href={`/clients/${contact.id}`} className="text-sm text-brand-600 hover:underline">
          Back to {contact.name}
        </Link>
      </PageHeader>
      <Card>
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          The duplicate&apos;s jobs and leads move to {contact.name}. An email, phone or address {contact.name} lacks is
          taken from it, and its details are kept in the notes. Then the duplicate is gone; this cannot be undone.
        </p>
        <FilterBar action={`/clients/${contact.id}/merge`} isSearch label="Duplicate search">
          <FilterSearch label="Find the duplicate" name="q" defaultValue={q} placeholder="Name or email" />
        </FilterBar>
        {candidates.length === 0 ? (
          <EmptyState>No other clients match.</EmptyState>
        ) : (
          <ul aria-label="Clients to merge" className="divide-y divide-slate-100">
            {candidates.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">{c.name}</p>
                  <p className="text-slate-600">
                    {[c.email, c.phone].filter(Boolean).join(" · ") || "No email or phone"}
                  </p>
                </div>
                <ActionButton
                  action={mergeContactsAction}
                  fields={{ contactId: contact.id, duplicateId: c.id }}
                  label="Merge"
                  ariaLabel={`Merge ${c.name} into ${contact.name}`}
                  pendingLabel="Merging…"
                  confirm={`Merge ${c.name} into ${contact.name}? Their jobs and leads move over and ${c.name} is removed.`}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
