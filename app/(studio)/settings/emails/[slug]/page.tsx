import { notFound } from "next/navigation";
import { editableEmailBySlug } from "@/lib/email-templates/editable";
import { EditableEmailSettings } from "../_components/editable-email-settings";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const email = editableEmailBySlug((await params).slug);
  return { title: email ? `${email.title} · Emails` : "Emails" };
}

/** Settings → Emails → one email other than the auto-reply (e.g. /settings/emails/proposal). */
export default async function EditableEmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const email = slug ? editableEmailBySlug(slug) : undefined;
  if (!email) notFound();
  return <EditableEmailSettings email={email} />;
}
