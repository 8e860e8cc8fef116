import { Card, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { findAutoReplySettings } from "@/lib/email-templates/queries";
import { exampleInquiryValues } from "@/lib/email-templates/values";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { TEMPLATE_CONTEXTS, fieldToken } from "@/lib/templates/fields";
import { AutoReplyForm } from "./_components/auto-reply-form";

export const metadata = { title: "Emails" };

const INQUIRY_FIELDS = TEMPLATE_CONTEXTS.inquiry.fields;

export default async function EmailSettingsPage() {
  const { user, db } = await requireOwnerContext();
  const brands = await findAutoReplySettings(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="Emails" />
      <Card title="Inquiry auto-reply">
        <p className="text-sm text-slate-600">
          Sent within a minute of every inquiry from your inquiry page or website form, in the brand&apos;s name.
          Replies come to your own email address. Leads you enter yourself or import get no auto-reply.
        </p>
        <details className="mt-3 text-sm text-slate-700">
          <summary className="cursor-pointer font-medium">Smart fields you can use</summary>
          <ul aria-label="Smart fields" className="mt-2 grid gap-1 sm:grid-cols-2">
            {INQUIRY_FIELDS.map((f) => (
              <li key={f.key}>
                <code className="rounded bg-slate-100 px-1">{fieldToken(f.key)}</code> {f.label}
              </li>
            ))}
          </ul>
        </details>
      </Card>
      {brands.map((brand) => {
        const preview = renderEmailWording(brand, exampleInquiryValues(brand.brandName));
        return (
          <Card key={brand.brandId} title={brand.brandName}>
            <p className="mb-3 text-sm text-slate-600">
              {brand.isEnabled ? "On" : "Off"}
              {brand.isCustomised ? "" : " · ShootQ's wording until you change it"}
            </p>
            <AutoReplyForm {...brand} />
            <section
              aria-label={`Preview of ${brand.brandName}'s auto-reply`}
              className="mt-6 rounded-md border border-slate-200 p-4"
            >
              <h3 className="text-sm font-semibold text-slate-900">Preview, with example values</h3>
              <p className="mt-2 text-sm text-slate-700">
                <span className="font-medium">Subject:</span> {preview.subject}
              </p>
              <div
                className="prose prose-sm mt-2 max-w-none text-slate-700"
                // Sanitized by the template engine: values are escaped and the result is sanitized again.
                dangerouslySetInnerHTML={{ __html: preview.html }}
              />
            </section>
          </Card>
        );
      })}
    </>
  );
}
