import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { logoDataUrl, logoDisplaySize } from "@/lib/brands/logo";
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
          staffCanSeeReports={studio.staffCanSeeReports}
        />
      </Card>
      <Card title="Brands">
        <p className="mb-2 text-sm text-slate-600">
          Every list and the dashboard can be filtered by brand. Each brand&apos;s emails go out in its name, headed
          with its logo.
        </p>
        <ul className="divide-y divide-slate-100">
          {brands.map((b) => (
            <BrandRow
              key={b.id}
              id={b.id}
              name={b.name}
              jobs={b._count.jobs}
              logo={b.logo && { src: logoDataUrl(b.logo), ...logoDisplaySize(b.logo) }}
            />
          ))}
        </ul>
        <div className="mt-4 border-t border-slate-100 pt-4">
          <NewBrandForm />
        </div>
      </Card>
      <Card title="Your data">
        <p className="mb-3 text-sm text-slate-600">
          Every client, lead, job, invoice, payment, open task and scheduled shoot of every brand, one CSV file each,
          with a README describing the columns, in one ZIP file.
        </p>
        <a href="/exports/everything" download className={buttonClass("secondary")}>
          Export everything
        </a>
      </Card>
    </>
  );
}
