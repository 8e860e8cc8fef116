import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { findStudioSettings } from "@/lib/studios/queries";

export const metadata = { title: "Billing" };

/** Owners only: staff get a 404, as if the page did not exist. */
export default async function BillingPage() {
  const { user, db } = await requireOwnerContext();
  const studio = await findStudioSettings(db, { studioId: user.studioId });
  if (!studio) notFound();
  const rows = [
    ["Plan", "ShootQ Studio"],
    ["Customer since", studio.createdAt.toLocaleDateString("en-US", { dateStyle: "long" })],
    ["Seats in use", String(studio._count.users)],
    ["Brands", String(studio._count.brands)],
    ["Leads", String(studio._count.leads)],
    ["Jobs", String(studio._count.jobs)],
  ];
  return (
    <>
      <PageHeader title="Billing" />
      <Card title="Your plan">
        <dl className="grid grid-cols-2 gap-3 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="font-medium">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
