import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import {
  BookingStatusBadge,
  Badge,
  ContractStatusBadge,
  InstallmentStatusBadge,
  InvoiceStatusBadge,
  JobStatusBadge,
  LeadStatusBadge,
  ProposalStatusBadge,
} from "@/components/pipeline/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import {
  dayKeyOf,
  dayKeyOfDateColumn,
  formatDateTime,
  formatDayKey,
  formatShortDayKey,
  formatTime,
} from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { derivedLinkToken } from "@/lib/tokens";
import { contractPath, proposalUrl, publicOrigin } from "@/lib/urls";
import { findJobContracts } from "@/lib/contracts/queries";
import { findJobInvoices } from "@/lib/invoices/queries";
import { loadJob } from "./load-job";
import { formatMoney } from "@/lib/money";
import { proposalTotal } from "@/lib/proposals/queries";
import { findUndoableReschedule } from "@/lib/reschedule/queries";
import { FilterBar, FilterLabel, filterControl } from "@/components/ui/filter-bar";
import { confirmBookingAction } from "@/app/(studio)/bookings/actions";
import { deleteEventAction, sendProposalAction, undoRescheduleAction } from "../../actions";
import { EventForm } from "../../_components/event-form";
import { JobStatusForm } from "../../_components/job-status-form";
import { createInvoiceFromProposalAction } from "@/app/(studio)/invoices/actions";
import { ComposeEmailCard } from "@/app/(studio)/emails/_components/compose-email-card";
import { findComposeTarget } from "@/lib/composed-emails/queries";
import { findSavedEmails } from "@/lib/saved-emails/queries";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Job" };

type Props = { params: Promise<{ id: string }> };

export default async function JobPage({ params }: Props) {
  const { user, db, studio, money } = await requireStudioContext();
  const jobId = (await params).id.slice(0, 64);
  // Everything below is scoped by the studio and the job id from the URL: read it all at once.
  const [job, invoices, contracts, undoable, emailTarget, savedEmails] = await Promise.all([
    loadJob(jobId),
    findJobInvoices(db, { studioId: user.studioId, jobId }),
    findJobContracts(db, { studioId: user.studioId, jobId }),
    findUndoableReschedule(db, { studioId: user.studioId, jobId, userId: user.id }),
    findComposeTarget(db, { studioId: user.studioId, jobId }),
    findSavedEmails(db, { studioId: user.studioId, about: "JOB" }),
  ]);
  if (!job || !emailTarget) notFound();
  const invoicedProposals = new Set(invoices.filter((i) => i.status !== "VOID").map((i) => i.proposalId));
  const live = invoices.filter((i) => i.status !== "VOID" && i.status !== "DRAFT");
  const balance = live.reduce((sum, i) => sum + i.totalMinor - i.paidMinor, 0);
  const tz = studio.timeZone;
  const origin = await publicOrigin();
  const todayKey = dayKeyOf(new Date(), tz);
  return (
    <>
      <PageHeader title={job.title}>
        <span data-testid="job-status">
          <JobStatusBadge status={job.status} />
        </span>
        <Link href={`/jobs/${job.id}/workflow`} className={buttonClass("secondary")}>
          Workflow
        </Link>
        <Link href={`/jobs/${job.id}/questionnaires`} className={buttonClass("secondary")}>
          Questionnaires
        </Link>
        <Link href={`/jobs/${job.id}/edit`} className={buttonClass("secondary")}>
          Edit job
        </Link>
        <Link href={`/referrals/new?jobId=${job.id}`} className={buttonClass("secondary")}>
          Refer to another photographer
        </Link>
      </PageHeader>
      {undoable ? (
        <section
          aria-label="Undo reschedule"
          className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <p>
            You moved this job from {formatShortDayKey(dayKeyOfDateColumn(undoable.fromDate))} to{" "}
            {formatShortDayKey(dayKeyOfDateColumn(undoable.toDate))}, with everything that moved with it.
          </p>
          <ActionButton
            action={undoRescheduleAction}
            fields={{ rescheduleId: undoable.id }}
            label="Undo reschedule"
            pendingLabel="Undoing…"
          />
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Events">
            {job.events.length === 0 ? (
              <EmptyState>No sessions or shoots yet.</EmptyState>
            ) : (
              <ul aria-label="Events" className="mb-4 divide-y divide-slate-100">
                {job.events.map((event) => (
                  <li key={event.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                    <div>
                      <p className="font-medium text-slate-900">
                        {event.name} {event.isShoot ? <Badge tone="violet">Shoot</Badge> : null}
                      </p>
                      <p className="text-slate-600">
                        {formatDayKey(dayKeyOf(event.startsAt, tz), todayKey)}, {formatTime(event.startsAt, tz)}
                        {event.endsAt ? `–${formatTime(event.endsAt, tz)}` : ""}
                      </p>
                      {event.location ? <p className="text-slate-500">{event.location}</p> : null}
                    </div>
                    <div className="flex items-start gap-2">
                      <Link
                        href={`/jobs/${job.id}/events/${event.id}/edit`}
                        className={buttonClass("ghost")}
                        aria-label={`Edit ${event.name}`}
                      >
                        Edit
                      </Link>
                      <ActionButton
                        action={deleteEventAction}
                        fields={{ eventId: event.id }}
                        label="Delete"
                        variant="secondary"
                        confirm={`Delete “${event.name}”?`}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <section aria-label="Add an event" className="rounded-md border border-slate-200 p-4">
              <h3 className="mb-3 text-sm font-medium text-slate-800">Add an event</h3>
              <EventForm
                mode="create"
                jobId={job.id}
                defaults={{ date: job.date ? dayKeyOfDateColumn(job.date) : "" }}
              />
            </section>
          </Card>

          <Card
            title="Proposals"
            action={
              <Link href={`/jobs/${job.id}/proposals/new`} className={buttonClass("secondary")}>
                New proposal
              </Link>
            }
          >
            {job.proposals.length === 0 ? (
              <EmptyState>No proposals yet.</EmptyState>
            ) : (
              <ul aria-label="Proposals" className="divide-y divide-slate-100">
                {job.proposals.map((p) => (
                  <li key={p.id} className="space-y-2 py-4 text-sm">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="font-medium text-slate-900">
                        {p.title} <ProposalStatusBadge status={p.status} />
                      </p>
                      {p.status === "DRAFT" ? (
                        <span className="flex items-start gap-2">
                          <Link
                            href={`/jobs/${job.id}/proposals/${p.id}/edit`}
                            className={buttonClass("secondary")}
                            aria-label={`Edit ${p.title}`}
                          >
                            Edit draft
                          </Link>
                          <ActionButton
                            action={sendProposalAction}
                            fields={{ proposalId: p.id }}
                            label="Send to client"
                            pendingLabel="Sending…"
                            variant="primary"
                          />
                        </span>
                      ) : null}
                      {p.status === "ACCEPTED" && !invoicedProposals.has(p.id) ? (
                        <ActionButton
                          action={createInvoiceFromProposalAction}
                          fields={{ proposalId: p.id }}
                          label="Create invoice"
                          pendingLabel="Creating…"
                          variant="primary"
                          ariaLabel={`Create an invoice from ${p.title}`}
                        />
                      ) : null}
                    </div>
                    <ul className="text-slate-600">
                      {p.items.map((item) => (
                        <li key={item.id}>
                          {item.quantity} × {item.description} · {formatMoney(item.unitPriceCents, money)}
                        </li>
                      ))}
                    </ul>
                    {p.contract ? (
                      <p className="text-slate-600">
                        Comes with the contract{" "}
                        <Link href={contractPath(job.id, p.contract.id)} className="text-brand-600 hover:underline">
                          {p.contract.title}
                        </Link>
                      </p>
                    ) : null}
                    <p className="text-slate-700">
                      Total {formatMoney(proposalTotal(p.items), money)} · Deposit {formatMoney(p.depositCents, money)}{" "}
                      · Expires {formatDateTime(p.expiresAt, tz)}
                    </p>
                    {p.status !== "DRAFT" ? (
                      <p className="text-slate-600">
                        {p.sentAt ? `Sent ${formatDateTime(p.sentAt, tz)}` : null}
                        {p.respondedAt
                          ? ` · ${p.status === "ACCEPTED" ? "Accepted" : "Declined"} ${formatDateTime(p.respondedAt, tz)}`
                          : null}
                        <br />
                        <ClientLink origin={origin} proposalId={p.id} tokenHash={p.tokenHash} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card
            title="Invoices"
            action={
              <Link href={`/jobs/${job.id}/invoices/new`} className={buttonClass("secondary")}>
                New invoice
              </Link>
            }
          >
            {invoices.length === 0 ? (
              <EmptyState>No invoices yet. Create one from an accepted proposal, or by hand.</EmptyState>
            ) : (
              <>
                <p className="mb-3 text-sm text-slate-700" data-testid="job-balance">
                  Balance due: <span className="font-semibold">{formatMoney(balance, money)}</span>
                </p>
                <ul aria-label="Invoices" className="divide-y divide-slate-100">
                  {invoices.map((invoice) => {
                    const format = { currency: invoice.currency, locale: money.locale };
                    return (
                      <li key={invoice.id} className="space-y-2 py-3 text-sm">
                        <div className="flex flex-wrap items-center justify-between gap-2">
                          <Link href={`/invoices/${invoice.id}`} className="font-medium text-brand-700 hover:underline">
                            Invoice {invoice.number} · {invoice.title}
                          </Link>
                          <InvoiceStatusBadge status={invoice.status} isOverdue={Boolean(invoice.overdueSince)} />
                        </div>
                        <p className="text-slate-700">
                          Total {formatMoney(invoice.totalMinor, format)} · Paid{" "}
                          {formatMoney(invoice.paidMinor, format)}
                          {invoice.status !== "VOID"
                            ? ` · Balance ${formatMoney(invoice.totalMinor - invoice.paidMinor, format)}`
                            : ""}
                        </p>
                        {invoice.status !== "VOID" ? (
                          <ul aria-label={`Schedule of invoice ${invoice.number}`} className="space-y-1 text-slate-600">
                            {invoice.installments.map((i) => (
                              <li key={i.id} className="flex flex-wrap items-center gap-2">
                                {i.label}: {formatMoney(i.amountMinor, format)} due{" "}
                                {formatShortDayKey(dayKeyOfDateColumn(i.dueOn))}{" "}
                                <InstallmentStatusBadge status={i.status} />
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </Card>

          <Card
            title="Contracts"
            action={
              <Link href={`/jobs/${job.id}/contracts/new`} className={buttonClass("secondary")}>
                New contract
              </Link>
            }
          >
            {contracts.length === 0 ? (
              <EmptyState>No contracts yet.</EmptyState>
            ) : (
              <ul aria-label="Contracts" className="divide-y divide-slate-100">
                {contracts.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                    <div>
                      <Link href={contractPath(job.id, c.id)} className="font-medium text-slate-900 hover:underline">
                        {c.title}
                      </Link>{" "}
                      <ContractStatusBadge status={c.status} />
                      <p className="text-slate-600">
                        {c.countersignedAt
                          ? `Fully signed ${formatDateTime(c.countersignedAt, tz)}`
                          : c.signedAt
                            ? `Signed by the client ${formatDateTime(c.signedAt, tz)}`
                            : c.voidedAt
                              ? `Voided ${formatDateTime(c.voidedAt, tz)}`
                              : c.sentAt
                                ? `Sent ${formatDateTime(c.sentAt, tz)}`
                                : c.proposal
                                  ? `Goes out with the proposal “${c.proposal.title}”`
                                  : `Created ${formatDateTime(c.createdAt, tz)}`}
                      </p>
                    </div>
                    <Link href={contractPath(job.id, c.id)} className={buttonClass("ghost")}>
                      Open<span className="sr-only"> {c.title}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Bookings">
            {job.bookings.length === 0 ? (
              <EmptyState>No bookings yet. A booking appears here when the client accepts a proposal.</EmptyState>
            ) : (
              <ul aria-label="Bookings" className="divide-y divide-slate-100">
                {job.bookings.map((b) => (
                  <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                    <div>
                      <p className="font-medium text-slate-900">
                        {b.proposal.title} <BookingStatusBadge status={b.status} />
                      </p>
                      <p className="text-slate-600">
                        Accepted {formatDateTime(b.createdAt, tz)}
                        {b.confirmedAt ? ` · Confirmed ${formatDateTime(b.confirmedAt, tz)}` : ""}
                      </p>
                    </div>
                    {b.status === "PENDING_REVIEW" ? (
                      <ActionButton
                        action={confirmBookingAction}
                        fields={{ bookingId: b.id }}
                        label="Confirm booking"
                        variant="primary"
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <ComposeEmailCard about={{ jobId: job.id }} target={emailTarget} saved={savedEmails} />
        </div>

        <div className="space-y-6">
          <Card title="Details">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">Client</dt>
                <dd className="text-slate-900">
                  <Link href={`/clients/${job.contact.id}`} className="text-brand-600 hover:underline">
                    {job.contact.name}
                  </Link>
                </dd>
                {job.contact.email ? (
                  <dd data-testid="job-client-email">
                    <EmailAddress address={job.contact.email} link />
                  </dd>
                ) : null}
                {job.contact.phone ? <dd className="text-slate-600">{job.contact.phone}</dd> : null}
              </div>
              <div>
                <dt className="text-slate-500">Type</dt>
                <dd className="text-slate-900 capitalize">{job.type}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Date</dt>
                <dd className="text-slate-900">
                  {job.date ? formatShortDayKey(dayKeyOfDateColumn(job.date)) : "Not set"}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Brand</dt>
                <dd className="text-slate-900">{job.brand.name}</dd>
              </div>
              {job.notes ? (
                <div>
                  <dt className="text-slate-500">Notes</dt>
                  <dd className="whitespace-pre-line text-slate-900">{job.notes}</dd>
                </div>
              ) : null}
              {job.lead ? (
                <div>
                  <dt className="text-slate-500">From lead</dt>
                  <dd data-testid="job-lead">
                    <Link href={`/leads/${job.lead.id}`} className="text-brand-600 hover:underline">
                      {job.lead.name}
                    </Link>{" "}
                    <LeadStatusBadge status={job.lead.status} />
                  </dd>
                </div>
              ) : null}
            </dl>
          </Card>
          <Card title="Status">
            <JobStatusForm jobId={job.id} status={job.status} />
          </Card>
          {job.date ? (
            <Card title="Reschedule">
              <FilterBar
                action={`/jobs/${job.id}/reschedule`}
                label="Reschedule"
                className="space-y-3"
                submitLabel="Preview the move"
              >
                <FilterLabel label="New date">
                  <input name="date" type="date" required className={filterControl} />
                </FilterLabel>
                <p className="text-xs text-slate-500">
                  You see every task and event that moves with it before anything changes.
                </p>
              </FilterBar>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** The client's link, when it can be shown again (links sent before tokens were derived exist only in their email). */
function ClientLink({
  origin,
  proposalId,
  tokenHash,
}: {
  origin: string;
  proposalId: string;
  tokenHash: string | null;
}) {
  const token = derivedLinkToken("proposal", proposalId, tokenHash);
  if (!token) return <>Client link: in the email sent to the client</>;
  return (
    <>
      Client link:{" "}
      <a href={`/p/${token}`} className="break-all text-brand-600 hover:underline" data-testid="client-link">
        {proposalUrl(origin, token)}
      </a>
    </>
  );
}
