import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { findLead } from "@/lib/leads/queries";
import { LeadForm } from "../../_components/lead-form";

export const metadata = { title: "Edit lead" };

export default async function EditLeadPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db, studio } = await requireStudioContext();
  const lead = await findLead(db, { studioId: user.studioId, leadId: (await params).id.slice(0, 64) });
  if (!lead) notFound();
  return (
    <>
      <PageHeader title={`Edit ${lead.name}`}>
        <Link href={`/leads/${lead.id}`} className="text-sm text-brand-600 hover:underline">
          Back to the lead
        </Link>
      </PageHeader>
      <Card>
        <LeadForm
          mode="edit"
          leadId={lead.id}
          brands={studio.brands}
          defaults={{
            name: lead.name,
            email: lead.email,
            phone: lead.phone ?? "",
            eventType: lead.eventType,
            eventDate: lead.eventDate ? dayKeyOfDateColumn(lead.eventDate) : "",
            brandId: lead.brandId ?? "",
            message: lead.message ?? "",
          }}
        />
      </Card>
    </>
  );
}
