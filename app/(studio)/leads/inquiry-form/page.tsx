import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { inquiryEmbedSnippet } from "@/lib/inquiries/embed";
import { inquiryPageUrl, publicOrigin } from "@/lib/urls";

export const metadata = { title: "Inquiry form" };

const code = "block w-full rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100";

export default async function InquiryFormPage() {
  const { studio } = await requireStudioContext();
  const origin = await publicOrigin();
  const pageUrl = inquiryPageUrl(origin, studio.slug);
  return (
    <>
      <PageHeader title="Inquiry form" />
      <div className="space-y-6">
        <Card title="Your public inquiry page">
          <p className="text-sm text-slate-600">
            Link to this page from your website, email signature or social profiles. Every inquiry becomes a new lead.
          </p>
          <p className="mt-3 text-sm">
            <Link
              href={`/inquire/${studio.slug}`}
              className="font-medium text-brand-600 hover:underline"
              data-testid="inquiry-page-url"
            >
              {pageUrl}
            </Link>
          </p>
        </Card>
        <Card title="Embed the form on your website">
          <p className="text-sm text-slate-600">
            Paste this HTML where the form should appear. It sends inquiries straight to ShootQ and shows your client a
            thank-you message.
            {studio.brands.length > 1 ? " Pick the snippet for the brand the page is about." : ""}
          </p>
          <div className="mt-4 space-y-6">
            {studio.brands.map((brand, i) => (
              <div key={brand.id}>
                {studio.brands.length > 1 ? (
                  <h3 className="mb-2 text-sm font-medium text-slate-800">{brand.name}</h3>
                ) : null}
                <label className="sr-only" htmlFor={`snippet-${brand.id}`}>
                  Embed code for {brand.name}
                </label>
                <textarea
                  id={`snippet-${brand.id}`}
                  readOnly
                  rows={12}
                  className={code}
                  value={inquiryEmbedSnippet({
                    origin,
                    slug: studio.slug,
                    brandId: studio.brands.length > 1 || i > 0 ? brand.id : undefined,
                  })}
                />
              </div>
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}
