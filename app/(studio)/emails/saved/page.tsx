import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findSavedEmails } from "@/lib/saved-emails/queries";
import { SAVED_EMAIL_FOR_LABELS } from "@/lib/saved-emails/schemas";

export const metadata = { title: "Saved emails" };

/** The studio's saved emails: what "Email the client" and a workflow's email steps can start from. */
export default async function SavedEmailsPage() {
  const { user, db } = await requireStudioContext();
  const saved = await findSavedEmails(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="Saved emails">
        <Link href="/emails/saved/new" className={buttonClass()}>
          New saved email
        </Link>
      </PageHeader>
      <p className="text-sm text-slate-600">
        Write the emails you send again and again once. &ldquo;Email the client&rdquo; on a lead or a job, and a
        workflow&rsquo;s email steps, can start from them; what you change there stays with that email.{" "}
        <Link href="/emails" className="text-brand-600 underline">
          Emails sent
        </Link>
      </p>
      {saved.length === 0 ? (
        <Card>
          <EmptyState>
            No saved emails yet. A thank-you after the wedding or &ldquo;What to wear&rdquo; are good first ones.
          </EmptyState>
        </Card>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {saved.map((e) => (
            <Card
              key={e.id}
              title={e.name}
              action={
                <Link href={`/emails/saved/${e.id}`} className="text-sm text-brand-600 hover:underline">
                  Edit<span className="sr-only"> {e.name}</span>
                </Link>
              }
            >
              <p className="text-xs text-slate-500">To {SAVED_EMAIL_FOR_LABELS[e.about].toLowerCase()}</p>
              <p className="mt-1 text-sm font-medium text-slate-900">{e.subject}</p>
              <p className="mt-1 line-clamp-3 text-sm whitespace-pre-line text-slate-600">{e.body}</p>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
