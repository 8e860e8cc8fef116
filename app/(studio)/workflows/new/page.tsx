import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { createWorkflowAction } from "../actions";
import { WorkflowForm } from "../_components/workflow-form";

export const metadata = { title: "New workflow" };

export default async function NewWorkflowPage() {
  await requireStudioContext();
  return (
    <>
      <PageHeader title="New workflow" />
      <Card>
        <WorkflowForm action={createWorkflowAction} submitLabel="Create workflow" />
      </Card>
    </>
  );
}
