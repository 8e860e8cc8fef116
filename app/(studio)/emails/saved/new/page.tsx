import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { createSavedEmailAction } from "../actions";
import { SavedEmailForm } from "../_components/saved-email-form";

export const metadata = { title: "New saved email" };

export default async function NewSavedEmailPage() {
  await requireStudioContext();
  return (
    <>
      <PageHeader title="New saved email" />
      <Card>
        <SavedEmailForm action={createSavedEmailAction} submitLabel="Save email" />
      </Card>
    </>
  );
}
