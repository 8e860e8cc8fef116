import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findSavedEmail } from "@/lib/saved-emails/queries";
import { deleteSavedEmailAction, updateSavedEmailAction } from "../actions";
import { SavedEmailForm } from "../_components/saved-email-form";

export const metadata = { title: "Edit saved email" };

export default async function EditSavedEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const { id } = await params;
  const saved = await findSavedEmail(db, { studioId: user.studioId, savedEmailId: id });
  if (!saved) notFound();
  return (
    <>
      <PageHeader title={`Edit ${saved.name}`}>
        <ActionButton
          action={deleteSavedEmailAction}
          fields={{ savedEmailId: saved.id }}
          label="Delete"
          pendingLabel="Deleting…"
          variant="danger"
          confirm={`Delete “${saved.name}”? Emails already written from it are unchanged.`}
          ariaLabel={`Delete ${saved.name}`}
        />
      </PageHeader>
      <Card>
        <p className="mb-4 text-sm text-slate-500">
          Emails already written from it (sent, or in a job&rsquo;s workflow) keep their own wording.
        </p>
        <SavedEmailForm
          action={updateSavedEmailAction}
          savedEmailId={saved.id}
          initial={saved}
          submitLabel="Save email"
        />
      </Card>
    </>
  );
}
