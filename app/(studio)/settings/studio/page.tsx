import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { findBrandsWithJobCounts } from "@/lib/brands/queries";
import { findStudioSettings } from "@/lib/studios/queries";
import { BrandRow, NewBrandForm, StudioForm } from "../_components/studio-forms";

export const metadata = { title: "Studio settings" };

function currencyChoices() {
  const names = new Intl.DisplayNames(["en"], { type: "currency" });
  return Intl.supportedValuesOf("currency").map((code) => ({ code, name: names.of(code) ?? code }));
}

export default async function StudioSettingsPage() {
  const { user, db } = await requireOwnerContext();
  const [studio, brands] = await Promise.all([
    findStudioSettings(db, { studioId: user.studioId }),
    findBrandsWithJobCounts(db, { studioId: user.studioId }),
  ]);
  if (!studio) notFound();
  return (
    <>
      <PageHeader title="Studio & brands" />
      <Card title="Studio">
        <StudioForm
          name={studio.name}
          timeZone={studio.timeZone}
          timeZones={Intl.supportedValuesOf("timeZone")}
          currency={studio.currency}
          currencies={currencyChoices()}
          locale={studio.locale}
          jobsPerDay={studio.jobsPerDay}
        />
      </Card>
      <Card title="Brands">
        <p className="mb-2 text-sm text-slate-600">Every list and the dashboard can be filtered by brand.</p>
        <ul className="divide-y divide-slate-100">
          {brands.map((b) => (
            <BrandRow key={b.id} id={b.id} name={b.name} jobs={b._count.jobs} />
          ))}
        </ul>
        <div className="mt-4 border-t border-slate-100 pt-4">
          <NewBrandForm />
        </div>
      </Card>
    </>
  );
}
