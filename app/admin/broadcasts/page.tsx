import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { findBroadcasts } from "@/lib/broadcasts/queries";
import { requireAdminContext } from "@/lib/auth/context";
import { BroadcastForm } from "./broadcast-form";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Notify All Users" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const utc = (d: Date) => `${dateTime.format(d)} UTC`;

export default async function BroadcastsPage() {
  const { db } = await requireAdminContext();
  const broadcasts = await findBroadcasts(db);
  const now = new Date();
  return (
    <>
      <PageHeader title="Notify All Users" />
      <div className="grid gap-6 lg:grid-cols-[1fr_1fr]">
        <Card title="New broadcast">
          <BroadcastForm />
        </Card>
        <Card title="Sent">
          {broadcasts.length === 0 ? (
            <EmptyState>No broadcasts yet.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Sent broadcasts">
              {broadcasts.map((b) => {
                const state = now < b.startsAt ? "Scheduled" : now < b.endsAt ? "Showing" : "Ended";
                return (
                  <li key={b.id} className="space-y-1 py-3 text-sm">
                    <p className="font-medium text-slate-900">
                      {b.title}{" "}
                      {b.isNew ? (
                        <span className="ml-1 rounded bg-brand-600 px-1.5 py-0.5 text-[10px] font-bold text-white">
                          NEW
                        </span>
                      ) : null}
                      <span className="ml-2 text-xs font-normal text-slate-500">{state}</span>
                    </p>
                    <p className="whitespace-pre-wrap text-slate-700">{b.body}</p>
                    <p className="text-xs text-slate-500">
                      Sent by {b.createdBy.name} (<EmailAddress address={b.createdBy.email} />) on {utc(b.createdAt)} ·
                      shows {utc(b.startsAt)} to {utc(b.endsAt)} · dismissed by {b._count.dismissals}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
