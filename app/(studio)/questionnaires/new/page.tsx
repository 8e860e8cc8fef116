import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioUser } from "@/lib/auth/guards";
import { createTemplate } from "../actions";
import { TemplateForm } from "../_components/template-form";

export const metadata = { title: "New questionnaire" };

export default async function NewQuestionnairePage() {
  await requireStudioUser();
  return (
    <>
      <PageHeader title="New questionnaire" />
      <Card>
        <TemplateForm action={createTemplate} submitLabel="Create questionnaire" />
      </Card>
    </>
  );
}
