import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findWorkflowTemplate } from "@/lib/workflows/queries";
import { updateWorkflowAction } from "../actions";
import { WorkflowForm } from "../_components/workflow-form";

export const metadata = { title: "Edit workflow" };

export default async function EditWorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const { id } = await params;
  const template = await findWorkflowTemplate(db, { studioId: user.studioId, templateId: id });
  if (!template) notFound();
  return (
    <>
      <PageHeader title={`Edit ${template.name}`} />
      <Card>
        <p className="mb-4 text-sm text-slate-500">
          Jobs that already use this workflow keep their tasks and scheduled emails as they are.
        </p>
        <WorkflowForm
          action={updateWorkflowAction}
          templateId={template.id}
          name={template.name}
          steps={template.steps}
          submitLabel="Save workflow"
        />
      </Card>
    </>
  );
}
