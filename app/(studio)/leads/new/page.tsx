import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { LeadForm } from "../_components/lead-form";

export const metadata = { title: "New lead" };

export default async function NewLeadPage() {
  const { studio, brandId } = await requireStudioContext();
  return (
    <>
      <PageHeader title="New lead" />
      <Card>
        <LeadForm mode="create" brands={studio.brands} defaultBrandId={brandId} />
      </Card>
    </>
  );
}
