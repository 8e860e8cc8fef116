import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { createWorkflow } from "../actions";
import { WorkflowForm } from "../_components/workflow-form";

export const metadata = { title: "New workflow" };

export default async function NewWorkflowPage() {
  await requireStudioContext();
  return (
    <>
      <PageHeader title="New workflow" />
      <Card>
        <WorkflowForm action={createWorkflow} submitLabel="Create workflow" />
      </Card>
    </>
  );
}
