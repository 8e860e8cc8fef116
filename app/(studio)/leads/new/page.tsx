import { Card, PageHeader } from "@/components/ui/card";
import { requirePipelineContext } from "@/lib/dashboard/context";
import { LeadForm } from "../_components/lead-form";

export const metadata = { title: "New lead" };

export default async function NewLeadPage() {
  const { studio, brandId } = await requirePipelineContext();
  return (
    <>
      <PageHeader title="New lead" />
      <Card>
        <LeadForm brands={studio.brands} defaultBrandId={brandId} />
      </Card>
    </>
  );
}
