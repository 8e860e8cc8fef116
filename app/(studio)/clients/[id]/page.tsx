import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/pipeline/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/calendar/zoned";
import { findContact, findContactHistory, type HistoryKind } from "@/lib/contacts/queries";
import { EmailAddress } from "@/components/ui/email-address";
import { ComposeEmailCard } from "@/app/(studio)/emails/_components/compose-email-card";
import { findComposeTarget } from "@/lib/composed-emails/queries";
import { findSavedEmails } from "@/lib/saved-emails/queries";

export const metadata = { title: "Client" };

const KIND_LABELS: Record<HistoryKind, string> = {
  lead: "Lead",
  job: "Job",
  event: "Event",
  proposal: "Proposal",
  contract: "Contract",
  invoice: "Invoice",
  questionnaire: "Questionnaire",
  email: "Email",
};
const KIND_TONES = {
  lead: "blue",
  job: "green",
  event: "violet",
  proposal: "amber",
  contract: "amber",
  invoice: "amber",
  questionnaire: "slate",
  email: "slate",
} as const;

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db, studio } = await requireStudioContext();
  const contactId = (await params).id.slice(0, 64);
  const [contact, history, emailTarget, savedEmails] = await Promise.all([
    findContact(db, { studioId: user.studioId, contactId }),
    findContactHistory(db, { studioId: user.studioId, contactId }),
    findComposeTarget(db, { studioId: user.studioId, contactId }),
    findSavedEmails(db, { studioId: user.studioId, about: "CLIENT" }),
  ]);
  if (!contact || !emailTarget) notFound();
  const tz = studio.timeZone;
  return (
    <>
      <PageHeader title={contact.name}>
        <Link href={`/clients/${contact.id}/edit`} className={buttonClass("secondary")}>
          Edit client
        </Link>
        <Link href={`/clients/${contact.id}/merge`} className={buttonClass("secondary")}>
          Merge a duplicate
        </Link>
        <Link href={`/jobs/new?contactId=${contact.id}`} className={buttonClass("primary")}>
          New job
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="History">
            {history.length === 0 ? (
              <EmptyState>Nothing yet.</EmptyState>
            ) : (
              <ol aria-label="History" className="divide-y divide-slate-100">
                {history.map((item) => (
                  <li
                    key={`${item.kind}-${item.id}`}
                    className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm"
                  >
                    <div>
                      <p className="font-medium text-slate-900">
                        <Badge tone={KIND_TONES[item.kind]}>{KIND_LABELS[item.kind]}</Badge>{" "}
                        {item.href ? (
                          <Link href={item.href} className="hover:underline">
                            {item.title}
                          </Link>
                        ) : (
                          item.title
                        )}
                        {item.status ? (
                          <span className="ml-2 text-xs font-normal text-slate-500">{item.status}</span>
                        ) : null}
                      </p>
                      {item.detail ? <p className="wrap-anywhere text-slate-600">{item.detail}</p> : null}
                    </div>
                    <time dateTime={item.at.toISOString()} className="text-xs text-slate-500">
                      {formatDateTime(item.at, tz)}
                    </time>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <ComposeEmailCard about={{ contactId: contact.id }} target={emailTarget} saved={savedEmails} />
        </div>
        <Card title="Details">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Email</dt>
              <dd data-testid="client-email">{contact.email ? <EmailAddress address={contact.email} link /> : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Phone</dt>
              <dd>{contact.phone ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Address</dt>
              <dd className="whitespace-pre-line">{contact.address ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Notes</dt>
              <dd className="whitespace-pre-line">{contact.notes ?? "—"}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
