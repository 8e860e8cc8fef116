import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findQuestionnaireTemplate } from "@/lib/questionnaires/queries";
import { updateQuestionnaireAction } from "../actions";
import { TemplateForm } from "../_components/template-form";

export const metadata = { title: "Edit questionnaire" };

export default async function EditQuestionnairePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const { id } = await params;
  const template = await findQuestionnaireTemplate(db, { studioId: user.studioId, templateId: id });
  if (!template) notFound();
  return (
    <>
      <PageHeader title={`Edit ${template.name}`} />
      <Card>
        <p className="mb-4 text-sm text-slate-500">
          Questionnaires already sent keep the questions they were sent with.
        </p>
        <TemplateForm
          action={updateQuestionnaireAction}
          templateId={template.id}
          name={template.name}
          questions={template.questions}
          submitLabel="Save questionnaire"
        />
      </Card>
    </>
  );
}
