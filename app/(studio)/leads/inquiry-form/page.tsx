import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { requireStudioContext } from "@/lib/auth/context";
import { inquiryEmbedSnippet } from "@/lib/inquiries/embed";
import { inquiryPageUrl, publicOrigin } from "@/lib/urls";
import { InquiryEmbed } from "../_components/inquiry-embed";

export const metadata = { title: "Inquiry form" };

export default async function InquiryFormPage() {
  const { studio } = await requireStudioContext();
  const origin = await publicOrigin();
  const pageUrl = inquiryPageUrl(origin, studio.slug);
  const snippets = studio.brands.map((brand, i) => ({
    brandId: brand.id,
    brandName: brand.name,
    html: inquiryEmbedSnippet({
      origin,
      slug: studio.slug,
      brandId: studio.brands.length > 1 || i > 0 ? brand.id : undefined,
    }),
  }));
  return (
    <>
      <PageHeader title="Inquiry form" />
      <div className="space-y-6">
        <Card title="Your public inquiry page">
          <p className="text-sm text-slate-600">
            Link to this page from your website, email signature or social profiles. Every inquiry becomes a new lead.
          </p>
          <p className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <Link
              href={`/inquire/${studio.slug}`}
              className="font-medium text-brand-600 hover:underline"
              data-testid="inquiry-page-url"
            >
              {pageUrl}
            </Link>
            <CopyButton text={pageUrl} label="Copy link" />
          </p>
        </Card>
        <Card title="Embed the form on your website">
          <p className="mb-4 text-sm text-slate-600">
            Paste this HTML where the form should appear. It sends inquiries straight to ShootQ and shows your client a
            thank-you message.
            {studio.brands.length > 1 ? " Pick the brand the page is about." : ""}
          </p>
          <InquiryEmbed snippets={snippets} />
        </Card>
      </div>
    </>
  );
}
