import { dayKeyOf } from "@/lib/calendar/zoned";
import { calendarParams } from "@/lib/calendar/schemas";
import { findContactPage } from "@/lib/contacts/queries";
import { contactListParams } from "@/lib/contacts/schemas";
import { findUpcomingShootPage } from "@/lib/events/queries";
import { findInvoicePage } from "@/lib/invoices/queries";
import { INVOICE_STATUS_LABELS, invoiceListParams, PAYMENT_METHODS } from "@/lib/invoices/schemas";
import { findJobPage } from "@/lib/jobs/queries";
import { JOB_STATUS_LABELS, jobListParams } from "@/lib/jobs/schemas";
import { findLeadPage } from "@/lib/leads/queries";
import { LEAD_STATUS_LABELS, leadListParams } from "@/lib/leads/schemas";
import { findPaymentPage } from "@/lib/payments/queries";
import { pageParamsSchema } from "@/lib/search-params";
import { findOpenTaskPage, formatTask } from "@/lib/workflows/queries";
import { dateCell, defineExport, type ExportList, instantCell, moneyCell } from "@/lib/exports/csv";

// Every list reads through its page's own query and schema: the CSV of a filtered list is the
// rows its pages show, in the same order, and the tenant is always the session's.

const clients = defineExport({
  name: "clients",
  title: "Clients",
  about: "Every client, newest first.",
  params: contactListParams,
  everything: [{ q: undefined }],
  readPage: (db, { studioId, brandId }, { q }, request) => findContactPage(db, { studioId, brandId, q, ...request }),
  columns: [
    { header: "Name", about: "The client's name.", value: (c) => c.name },
    { header: "Email", about: "Their email address.", value: (c) => c.email },
    { header: "Phone", about: "Their phone number.", value: (c) => c.phone },
    { header: "Jobs", about: "How many jobs they have.", value: (c) => c.jobCount },
    { header: "Leads", about: "How many inquiries they sent.", value: (c) => c.leadCount },
    { header: "Client since", about: "When they became a client.", value: (c, x) => instantCell(c.createdAt, x) },
  ],
});

const leads = defineExport({
  name: "leads",
  title: "Leads",
  about: "Every lead (open, booked, lost and archived), newest first.",
  params: leadListParams,
  everything: [{ q: undefined, status: "all", sort: "newest" }],
  readPage: (db, { studioId, brandId }, { q, status, sort }, request) =>
    findLeadPage(db, { studioId, brandId, q, status, sort, ...request }),
  columns: [
    { header: "Name", about: "Who inquired.", value: (l) => l.name },
    { header: "Email", about: "Their email address.", value: (l) => l.email },
    { header: "Phone", about: "Their phone number.", value: (l) => l.phone },
    { header: "Event type", about: "What they want photographed.", value: (l) => l.eventType },
    { header: "Event date", about: "The date of their event (YYYY-MM-DD).", value: (l) => dateCell(l.eventDate) },
    {
      header: "Stage",
      about: "New, Contacted, Proposal sent, Booked or Lost.",
      value: (l) => LEAD_STATUS_LABELS[l.status],
    },
    {
      header: "Archived",
      about: "When the lead was archived; empty if it is not.",
      value: (l, x) => instantCell(l.archivedAt, x),
    },
    { header: "Brand", about: "The brand the inquiry came to.", value: (l) => l.brand?.name },
    { header: "Source", about: "Where the lead came from (inquiry form, by hand, the API).", value: (l) => l.source },
    { header: "Received", about: "When the inquiry arrived.", value: (l, x) => instantCell(l.createdAt, x) },
  ],
});

const jobs = defineExport({
  name: "jobs",
  title: "Jobs",
  about: "Every job: upcoming (soonest first), then past (latest first), then those without a date.",
  params: jobListParams,
  everything: [{ view: "upcoming" }, { view: "past" }, { view: "unscheduled" }],
  readPage: (db, { studioId, brandId, now, timeZone }, { view, status }, request) =>
    findJobPage(db, { studioId, brandId, view, status, todayKey: dayKeyOf(now, timeZone), ...request }),
  columns: [
    { header: "Job", about: "The job's title.", value: (j) => j.title },
    { header: "Client", about: "Who the job is for.", value: (j) => j.contact.name },
    { header: "Type", about: "The kind of shoot.", value: (j) => j.type },
    { header: "Date", about: "The job's date (YYYY-MM-DD); empty if not set.", value: (j) => dateCell(j.date) },
    { header: "Brand", about: "The brand the job is under.", value: (j) => j.brand.name },
    { header: "Status", about: "The job's status.", value: (j) => JOB_STATUS_LABELS[j.status] },
  ],
});

const invoices = defineExport({
  name: "invoices",
  title: "Invoices",
  about: "Every invoice, newest first.",
  params: invoiceListParams,
  everything: [{ view: "all" }],
  readPage: (db, { studioId, brandId }, { view }, request) =>
    findInvoicePage(db, { studioId, brandId, view, ...request }),
  columns: [
    { header: "Number", about: "The invoice number.", value: (i) => i.number },
    { header: "Title", about: "The invoice's title.", value: (i) => i.title },
    { header: "Client", about: "Who the invoice is for.", value: (i) => i.job.contact.name },
    { header: "Job", about: "The job it bills.", value: (i) => i.job.title },
    {
      header: "Status",
      about: "Draft, Sent, Partially paid, Paid or Void.",
      value: (i) => INVOICE_STATUS_LABELS[i.status],
    },
    {
      header: "Total",
      about: "The invoice total, a decimal in Currency.",
      value: (i) => moneyCell(i.totalMinor, i.currency),
    },
    {
      header: "Paid",
      about: "What has been paid, a decimal in Currency.",
      value: (i) => moneyCell(i.paidMinor, i.currency),
    },
    {
      header: "Balance",
      about: "What is still owed, a decimal in Currency; empty for a void invoice.",
      value: (i) => (i.status === "VOID" ? null : moneyCell(i.totalMinor - i.paidMinor, i.currency)),
    },
    { header: "Currency", about: "The ISO 4217 currency of the amounts.", value: (i) => i.currency },
    {
      header: "Next due",
      about: "When the next installment is due (YYYY-MM-DD).",
      value: (i) => dateCell(i.nextDueOn),
    },
    {
      header: "Overdue since",
      about: "When it became overdue; empty if it is not.",
      value: (i, x) => instantCell(i.overdueSince, x),
    },
    { header: "Paid at", about: "When it was paid in full.", value: (i, x) => instantCell(i.paidAt, x) },
    { header: "Created", about: "When the invoice was created.", value: (i, x) => instantCell(i.createdAt, x) },
  ],
});

const payments = defineExport({
  name: "payments",
  title: "Payments",
  about: "Every payment and refund received, newest first.",
  params: pageParamsSchema,
  everything: [{}],
  readPage: (db, { studioId, brandId }, _params, request) => findPaymentPage(db, { studioId, brandId, ...request }),
  columns: [
    {
      header: "Received",
      about: "When the money arrived (or left, for a refund).",
      value: (p, x) => instantCell(p.receivedAt, x),
    },
    { header: "Kind", about: "Payment or Refund.", value: (p) => (p.kind === "REFUND" ? "Refund" : "Payment") },
    { header: "Method", about: "Card, cash, check, bank transfer or other.", value: (p) => PAYMENT_METHODS[p.method] },
    {
      header: "Amount",
      about: "The amount, a decimal in Currency.",
      value: (p) => moneyCell(p.amountMinor, p.currency),
    },
    { header: "Currency", about: "The ISO 4217 currency of the amount.", value: (p) => p.currency },
    { header: "Invoice", about: "The invoice number it was paid against.", value: (p) => p.invoice.number },
    { header: "Invoice title", about: "That invoice's title.", value: (p) => p.invoice.title },
    { header: "Job", about: "The job the invoice bills.", value: (p) => p.invoice.job.title },
    { header: "Client", about: "Who paid.", value: (p) => p.invoice.job.contact.name },
    { header: "Reference", about: "Check number, transfer reference...", value: (p) => p.reference },
    { header: "Note", about: "The note recorded with it.", value: (p) => p.note },
  ],
});

const tasks = defineExport({
  name: "tasks",
  title: "Tasks",
  about: "Open tasks of jobs that are not cancelled, soonest due first (the Tasks page's list).",
  params: pageParamsSchema,
  everything: [{}],
  readPage: (db, { studioId, brandId, now, timeZone }, _params, request) =>
    findOpenTaskPage(db, { studioId, brandId, now, timeZone, ...request }),
  columns: [
    { header: "Task", about: "The workflow and the step: Album → Place order.", value: (t) => formatTask(t) },
    { header: "Job", about: "The job it is for.", value: (t) => t.jobTitle },
    { header: "Due", about: "When it is due.", value: (t, x) => instantCell(t.dueAt, x) },
    {
      header: "Days overdue",
      about: "Whole days late in the studio's calendar; 0 if not late.",
      value: (t) => t.overdueDays,
    },
  ],
});

const events = defineExport({
  name: "events",
  title: "Scheduled shoots",
  about: "Shoots from now on, soonest first (the calendar's Scheduled shoots list).",
  params: calendarParams,
  everything: [{}],
  readPage: (db, { studioId, brandId, now }, _params, request) =>
    findUpcomingShootPage(db, { studioId, brandId, from: now, ...request }),
  columns: [
    { header: "Shoot", about: "The session's name.", value: (e) => e.name },
    { header: "Job", about: "The job it belongs to.", value: (e) => e.job.title },
    { header: "Starts", about: "When it starts.", value: (e, x) => instantCell(e.startsAt, x) },
    { header: "Ends", about: "When it ends.", value: (e, x) => instantCell(e.endsAt, x) },
    { header: "Location", about: "Where.", value: (e) => e.location },
  ],
});

export const EXPORT_LISTS = { clients, leads, jobs, invoices, payments, tasks, events } satisfies Record<
  string,
  ExportList
>;

export type ExportName = keyof typeof EXPORT_LISTS;
