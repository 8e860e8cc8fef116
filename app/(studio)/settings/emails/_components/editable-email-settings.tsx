import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { EDITABLE_EMAILS, emailSettingsPath, type EditableEmail } from "@/lib/email-templates/editable";
import { findEmailTemplateSettings } from "@/lib/email-templates/queries";
import { previewOnLatest } from "@/lib/email-templates/latest-preview";
import { exampleTemplateValues } from "@/lib/email-templates/values";
import { paragraphsOf } from "@/lib/templates/paragraphs";
import { publicOrigin } from "@/lib/urls";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { TEMPLATE_CONTEXTS } from "@/lib/templates/fields";
import { SmartFieldList } from "@/components/email/smart-field-list";
import { EmailTemplateForm } from "./email-template-form";

/** Settings → Emails for one editable email: what it is, its smart fields, and each brand's wording with a preview. */
export async function EditableEmailSettings({ email }: { email: EditableEmail }) {
  const { user, db } = await requireOwnerContext();
  const brands = await findEmailTemplateSettings(db, { studioId: user.studioId, kind: email.kind });
  const origin = await publicOrigin();
  // This page reads records of every domain (a brand's last proposal, payment, …): the read
  // routing gives it a host with every write of this user (lib/replication/pins.ts).
  const latest = await Promise.all(
    brands.map((b) => previewOnLatest(db, { studioId: user.studioId, brandId: b.brandId, kind: email.kind, origin })),
  );
  const fields = TEMPLATE_CONTEXTS[email.context].fields;
  return (
    <>
      <PageHeader title="Emails" />
      <nav aria-label="Emails you write" className="flex flex-wrap gap-2">
        {Object.values(EDITABLE_EMAILS).map((e) => (
          <Link
            key={e.kind}
            href={emailSettingsPath(e.slug)}
            aria-current={e.kind === email.kind ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${e.kind === email.kind ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {e.title}
          </Link>
        ))}
      </nav>
      <Card title={email.title}>
        <p className="text-sm text-slate-600">{email.about}</p>
        <div className="mt-3">
          <SmartFieldList fields={fields} />
        </div>
      </Card>
      {brands.map((brand, i) => {
        const onLatest = latest[i];
        const preview = renderEmailWording(brand, exampleTemplateValues(email.context, brand.brandName), email.context);
        return (
          <Card key={brand.brandId} title={brand.brandName}>
            <p className="mb-3 text-sm text-slate-600">
              {email.mayTurnOff ? (brand.isEnabled ? "On" : "Off") : email.sentWith}
              {brand.isCustomised ? "" : " · ShootQ's wording until you change it"}
            </p>
            <EmailTemplateForm
              kind={email.kind}
              noun={email.noun}
              turnOffLabel={
                email.mayTurnOff ? `Reply automatically to every inquiry for ${brand.brandName}` : undefined
              }
              {...brand}
            />
            <section
              aria-label={`Preview of ${brand.brandName}'s ${email.noun}`}
              className="mt-6 rounded-md border border-slate-200 p-4"
            >
              <h3 className="text-sm font-semibold text-slate-900">Preview, with example values</h3>
              <p className="mt-2 text-sm text-slate-700">
                <span className="font-medium">Subject:</span> {preview.subject}
              </p>
              <div
                className="prose prose-sm mt-2 max-w-none break-words text-slate-700"
                // Sanitized by the template engine: values are escaped and the result is sanitized again.
                dangerouslySetInnerHTML={{ __html: preview.html }}
              />
            </section>
            {onLatest ? (
              <section
                aria-label={`${brand.brandName}'s ${email.noun} on ${onLatest.about}`}
                className="mt-4 rounded-md border border-slate-200 p-4"
              >
                <h3 className="text-sm font-semibold text-slate-900">As it reads for {onLatest.about}</h3>
                <p className="mt-1 text-xs text-slate-500">
                  The wording above as saved, filled in as the client gets it.
                </p>
                <p className="mt-2 text-sm wrap-anywhere text-slate-700">
                  <span className="font-medium">Subject:</span> {onLatest.email.subject}
                </p>
                <div className="mt-2 space-y-2 text-sm wrap-anywhere text-slate-700">
                  {paragraphsOf(onLatest.email.text).map((p, n) => (
                    <p key={n} className="whitespace-pre-line">
                      {p}
                    </p>
                  ))}
                </div>
              </section>
            ) : null}
          </Card>
        );
      })}
    </>
  );
}
