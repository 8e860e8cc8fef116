import Link from "next/link";
import { notFound } from "next/navigation";
import { AvailabilityBadge } from "@/components/pipeline/availability-badge";
import { Pagination } from "@/components/ui/pagination";
import { Badge, LeadStatusBadge } from "@/components/pipeline/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { findLeadAvailability } from "@/lib/availability/queries";
import { dayKeyOfDateColumn, formatDateTime, formatShortDayKey } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { readConfirmingMiss } from "@/lib/db";
import { ComposeEmailCard } from "@/app/(studio)/emails/_components/compose-email-card";
import { findComposeTarget } from "@/lib/composed-emails/queries";
import { findSavedEmails } from "@/lib/saved-emails/queries";
import { findLead, findLeadNotePage } from "@/lib/leads/queries";
import { pageParamsSchema, type SearchParams } from "@/lib/search-params";
import { archiveLeadAction, restoreLeadAction } from "../actions";
import { ConvertLeadForm } from "../_components/convert-lead-form";
import { LeadNoteForm } from "../_components/lead-note-form";
import { LeadStageForm } from "../_components/lead-stage-form";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Lead" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

function defaultJobTitle(name: string, type: string) {
  const last = name.trim().split(/\s+/).at(-1) ?? name;
  return `${last} ${type.charAt(0).toUpperCase()}${type.slice(1)}`.slice(0, 120);
}

export default async function LeadPage({ params, searchParams }: Props) {
  const { user, studio } = await requireStudioContext();
  const { id } = await params;
  // A new inquiry's alert email can be opened before this request's replica has the lead: a miss
  // is confirmed on the primary, and the rest of the page is read where the lead was found.
  const found = await readConfirmingMiss(async (host) => {
    const lead = await findLead(host, { studioId: user.studioId, leadId: id.slice(0, 64) });
    return lead && { lead, db: host };
  });
  if (!found) notFound();
  const { lead, db } = found;
  const [notes, availability, emailTarget, savedEmails] = await Promise.all([
    findLeadNotePage(db, { studioId: user.studioId, leadId: lead.id, ...pageParamsSchema.parse(await searchParams) }),
    findLeadAvailability(db, {
      studioId: user.studioId,
      timeZone: studio.timeZone,
      jobsPerDay: studio.jobsPerDay,
      leads: [lead],
    }),
    findComposeTarget(db, { studioId: user.studioId, leadId: lead.id }),
    findSavedEmails(db, { studioId: user.studioId, about: "LEAD" }),
  ]);
  const tz = studio.timeZone;
  const dateStatus = availability.get(lead.id);
  const details: [string, React.ReactNode][] = [
    ["Email", <EmailAddress key="e" address={lead.email} link />],
    ["Phone", lead.phone ?? "—"],
    [
      "Event type",
      <span key="t" className="capitalize">
        {lead.eventType}
      </span>,
    ],
    [
      "Event date",
      lead.eventDate ? (
        <span key="d" className="flex flex-wrap items-center gap-2">
          {formatShortDayKey(dayKeyOfDateColumn(lead.eventDate))}
          {dateStatus ? <AvailabilityBadge availability={dateStatus} /> : null}
        </span>
      ) : (
        "—"
      ),
    ],
    [
      "Client",
      lead.contact ? (
        <Link key="c" href={`/clients/${lead.contact.id}`} className="text-brand-600 hover:underline">
          {lead.contact.name}
        </Link>
      ) : (
        "—"
      ),
    ],
    ["Brand", lead.brand?.name ?? "—"],
    ["Received", `${formatDateTime(lead.createdAt, tz)} (${lead.source})`],
  ];
  return (
    <>
      <PageHeader title={lead.name}>
        <LeadStatusBadge status={lead.status} />
        {lead.archivedAt ? <Badge tone="slate">Archived</Badge> : null}
        <Link href={`/leads/${lead.id}/edit`} className={buttonClass("secondary")}>
          Edit lead
        </Link>
        <Link href={`/referrals/new?leadId=${lead.id}`} className={buttonClass("secondary")}>
          Refer to another photographer
        </Link>
        {lead.archivedAt ? (
          <ActionButton action={restoreLeadAction} fields={{ leadId: lead.id }} label="Restore lead" />
        ) : (
          <ActionButton
            action={archiveLeadAction}
            fields={{ leadId: lead.id }}
            label="Archive lead"
            confirm={`Archive ${lead.name}? The lead leaves your lists until you restore it.`}
          />
        )}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Inquiry">
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              {details.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            {lead.message ? (
              <p className="mt-4 rounded-md bg-slate-50 p-3 text-sm whitespace-pre-line text-slate-700">
                {lead.message}
              </p>
            ) : null}
          </Card>
          <Card title="Notes">
            <LeadNoteForm leadId={lead.id} />
            {notes.rows.length === 0 ? (
              <EmptyState>No notes yet.</EmptyState>
            ) : (
              <ul aria-label="Notes" className="mt-4 divide-y divide-slate-100">
                {notes.rows.map((note) => (
                  <li key={note.id} className="py-3 text-sm">
                    <p className="whitespace-pre-line text-slate-800">{note.body}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {note.author?.name ?? "Former staff"} · {formatDateTime(note.createdAt, tz)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              basePath={`/leads/${lead.id}`}
              params={{}}
              next={notes.next}
              prev={notes.prev}
              label="Notes pages"
            />
          </Card>
          {emailTarget ? (
            <ComposeEmailCard about={{ leadId: lead.id }} target={emailTarget} saved={savedEmails} />
          ) : null}
        </div>
        <div className="space-y-6">
          <Card title="Pipeline stage">
            <LeadStageForm leadId={lead.id} status={lead.status} />
          </Card>
          <Card title="Job">
            {lead.job ? (
              <p className="text-sm">
                Converted to{" "}
                <Link href={`/jobs/${lead.job.id}`} className="font-medium text-brand-600 hover:underline">
                  {lead.job.title}
                </Link>
                .
              </p>
            ) : (
              <ConvertLeadForm
                leadId={lead.id}
                brands={studio.brands}
                defaults={{
                  title: defaultJobTitle(lead.name, lead.eventType),
                  type: lead.eventType,
                  date: lead.eventDate ? dayKeyOfDateColumn(lead.eventDate) : "",
                  brandId: lead.brandId ?? undefined,
                }}
              />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
