import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findSavedEmails } from "@/lib/saved-emails/queries";
import { createWorkflowAction } from "../actions";
import { WorkflowForm } from "../_components/workflow-form";

export const metadata = { title: "New workflow" };

export default async function NewWorkflowPage() {
  const { user, db } = await requireStudioContext();
  const saved = await findSavedEmails(db, { studioId: user.studioId, about: "JOB" });
  return (
    <>
      <PageHeader title="New workflow" />
      <Card>
        <WorkflowForm action={createWorkflowAction} submitLabel="Create workflow" saved={saved} />
      </Card>
    </>
  );
}
