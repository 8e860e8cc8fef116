import { notFound } from "next/navigation";
import { readConfirmingMiss } from "@/lib/db";
import { findInquiryStudio } from "@/lib/inquiries/queries";
import { studioSlug } from "@/lib/inquiries/slug";
import { InquiryForm } from "./inquiry-form";

type Props = { params: Promise<{ slug: string }> };

async function loadStudio(slug: string) {
  const parsed = studioSlug.safeParse(slug);
  if (!parsed.success) return null;
  // A studio that signed up a moment ago may not be on this replica yet: confirm a miss on the primary.
  return readConfirmingMiss((db) => findInquiryStudio(db, { slug: parsed.data }));
}

export async function generateMetadata({ params }: Props) {
  const studio = await loadStudio((await params).slug);
  return { title: studio ? `Inquire with ${studio.name}` : "Studio not found" };
}

export default async function InquiryPage({ params }: Props) {
  const studio = await loadStudio((await params).slug);
  if (!studio) notFound();
  return (
    <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{studio.name}</h1>
      <p className="mt-2 text-sm text-slate-600">
        Tell us about your event and we&apos;ll get back to you with availability and pricing.
      </p>
      <div className="mt-6">
        <InquiryForm slug={studio.slug} brands={studio.brands} />
      </div>
    </div>
  );
}
