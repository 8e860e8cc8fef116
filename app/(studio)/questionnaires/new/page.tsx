import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { createQuestionnaireAction } from "../actions";
import { TemplateForm } from "../_components/template-form";

export const metadata = { title: "New questionnaire" };

export default async function NewQuestionnairePage() {
  await requireStudioContext();
  return (
    <>
      <PageHeader title="New questionnaire" />
      <Card>
        <TemplateForm action={createQuestionnaireAction} submitLabel="Create questionnaire" />
      </Card>
    </>
  );
}
