import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findContact } from "@/lib/contacts/queries";
import { ContactForm } from "../../_components/contact-form";

export const metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const contact = await findContact(db, { studioId: user.studioId, contactId: (await params).id.slice(0, 64) });
  if (!contact) notFound();
  return (
    <>
      <PageHeader title={`Edit ${contact.name}`}>
        <Link href={`/clients/${contact.id}`} className="text-sm text-brand-600 hover:underline">
          Back to {contact.name}
        </Link>
      </PageHeader>
      <Card>
        <ContactForm
          contactId={contact.id}
          defaults={{
            name: contact.name,
            email: contact.email ?? "",
            phone: contact.phone ?? "",
            address: contact.address ?? "",
            notes: contact.notes ?? "",
          }}
        />
      </Card>
    </>
  );
}
