import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { createContractTemplateAction } from "../actions";
import { ContractTemplateForm } from "../_components/template-form";

export const metadata = { title: "New contract template" };

export default async function NewContractTemplatePage() {
  const { studio } = await requireStudioContext();
  return (
    <>
      <PageHeader title="New contract template" />
      <Card>
        <ContractTemplateForm
          action={createContractTemplateAction}
          submitLabel="Save template"
          brands={studio.brands}
        />
      </Card>
    </>
  );
}
