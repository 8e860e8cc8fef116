import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findSavedEmails } from "@/lib/saved-emails/queries";
import { findWorkflowTemplate } from "@/lib/workflows/queries";
import { updateWorkflowAction } from "../actions";
import { WorkflowForm } from "../_components/workflow-form";

export const metadata = { title: "Edit workflow" };

export default async function EditWorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const { id } = await params;
  const [template, saved] = await Promise.all([
    findWorkflowTemplate(db, { studioId: user.studioId, templateId: id }),
    findSavedEmails(db, { studioId: user.studioId, about: "JOB" }),
  ]);
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
          saved={saved}
        />
      </Card>
    </>
  );
}
