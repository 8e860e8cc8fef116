import { z } from "zod";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { type findContactPage, type findContactWithJobs } from "@/lib/contacts/queries";
import { type findContractSummary } from "@/lib/contracts/queries";
import { type CalendarEvent } from "@/lib/events/queries";
import { type InvoiceDetail, type InvoiceListRow } from "@/lib/invoices/queries";
import { type findJob, type findJobPage } from "@/lib/jobs/queries";
import { type findLead, type findLeadPage } from "@/lib/leads/queries";
import { type KeysetPage } from "@/lib/pagination";
import { type PaymentListRow } from "@/lib/payments/queries";
import { type findProposal, proposalTotal } from "@/lib/proposals/queries";
import { type OpenTask } from "@/lib/workflows/queries";
import {
  ContractStatus,
  InstallmentStatus,
  InvoiceStatus,
  JobStatus,
  LeadStatus,
  PaymentKind,
  PaymentMethod,
  ProposalStatus,
} from "@/prisma/generated/prisma/enums";

// What the API answers, as zod schemas (the OpenAPI document is generated from them) and the
// functions that shape query results into them. Dates of the calendar are "YYYY-MM-DD" in the
// studio's time zone; instants are ISO 8601 in UTC; money is integer minor units (cents).
// Only what the studio's own pages show: never link tokens or their hashes, signature images,
// rendered documents or who on the team recorded something.

const id = z.string().meta({ description: "An opaque id.", example: "0199c0de-7a1b-7c3e-9f00-123456789abc" });
const dayKey = z.string().meta({ description: "A calendar date, YYYY-MM-DD.", example: "2027-06-12" });
const instant = z.string().meta({ format: "date-time", example: "2026-11-30T18:00:00.000Z" });
const minor = z.number().int().meta({ description: "An amount in minor units (cents).", example: 120000 });

export const apiLeadSummarySchema = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    eventType: z.string(),
    eventDate: dayKey.nullable(),
    status: z.enum(LeadStatus),
    brand: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: "LeadSummary" });

export const apiLeadSchema = apiLeadSummarySchema
  .extend({
    phone: z.string().nullable(),
    message: z.string().nullable(),
    source: z.string(),
    jobId: id.nullable(),
  })
  .meta({ id: "Lead" });

export const apiJobSummarySchema = z
  .object({
    id,
    title: z.string(),
    type: z.string(),
    date: dayKey.nullable(),
    status: z.enum(JobStatus),
    brand: z.string(),
    client: z.string(),
  })
  .meta({ id: "JobSummary" });

export const apiJobSchema = apiJobSummarySchema
  .extend({
    createdAt: instant,
    notes: z.string().nullable().meta({ description: "The studio's own notes (never shown to the client)." }),
    clientId: id,
    leadId: id.nullable(),
    events: z.array(
      z.object({
        id,
        name: z.string(),
        startsAt: instant,
        endsAt: instant.nullable(),
        location: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Job" });

export const apiClientSummarySchema = z
  .object({
    id,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    createdAt: instant,
    jobCount: z.number().int(),
    leadCount: z.number().int(),
  })
  .meta({ id: "ClientSummary" });

export const apiClientSchema = apiClientSummarySchema
  .omit({ jobCount: true, leadCount: true })
  .extend({
    address: z.string().nullable(),
    notes: z.string().nullable().meta({ description: "The studio's own notes (never shown to the client)." }),
    jobs: z.array(z.object({ id, title: z.string() })),
  })
  .meta({ id: "Client" });

export const apiEventSchema = z
  .object({
    id,
    name: z.string(),
    startsAt: instant,
    endsAt: instant.nullable(),
    location: z.string().nullable(),
    isShoot: z.boolean(),
    jobId: id,
    job: z.string(),
  })
  .meta({ id: "Event" });

export const apiProposalSchema = z
  .object({
    id,
    jobId: id,
    title: z.string(),
    status: z.enum(ProposalStatus),
    totalMinor: minor,
    depositMinor: minor,
    expiresAt: instant,
    sentAt: instant.nullable(),
    respondedAt: instant.nullable(),
    createdAt: instant,
    contractId: id.nullable(),
    items: z.array(z.object({ id, description: z.string(), quantity: z.number().int(), unitPriceMinor: minor })),
  })
  .meta({ id: "Proposal" });

export const apiContractSchema = z
  .object({
    id,
    jobId: id,
    title: z.string(),
    status: z.enum(ContractStatus),
    proposal: z.string().nullable(),
    sentAt: instant.nullable(),
    signedAt: instant.nullable(),
    countersignedAt: instant.nullable(),
    voidedAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: "Contract" });

/** A payment as an invoice lists it; the payments list adds its currency, invoice and client. */
const invoicePaymentSchema = z.object({
  id,
  kind: z.enum(PaymentKind),
  method: z.enum(PaymentMethod),
  amountMinor: minor,
  receivedAt: instant,
  reference: z.string().nullable(),
});

export const apiInvoiceSummarySchema = z
  .object({
    id,
    number: z.number().int(),
    title: z.string(),
    status: z.enum(InvoiceStatus),
    currency: z.string(),
    totalMinor: minor,
    paidMinor: minor,
    nextDueOn: dayKey.nullable(),
    isOverdue: z.boolean(),
    paidAt: instant.nullable(),
    createdAt: instant,
    jobId: id,
    job: z.string(),
    client: z.string(),
  })
  .meta({ id: "InvoiceSummary" });

export const apiInvoiceSchema = z
  .object({
    id,
    number: z.number().int(),
    title: z.string(),
    status: z.enum(InvoiceStatus),
    currency: z.string(),
    subtotalMinor: minor,
    discountMinor: minor,
    taxMinor: minor,
    totalMinor: minor,
    paidMinor: minor,
    depositMinor: minor,
    note: z.string().nullable().meta({ description: "The note printed on the invoice." }),
    issuedOn: dayKey.nullable(),
    sentAt: instant.nullable(),
    paidAt: instant.nullable(),
    voidedAt: instant.nullable(),
    createdAt: instant,
    jobId: id,
    lines: z.array(
      z.object({
        id,
        description: z.string(),
        quantity: z.number().int(),
        unitPriceMinor: minor,
        taxRateBps: z.number().int(),
      }),
    ),
    installments: z.array(
      z.object({
        id,
        label: z.string(),
        amountMinor: minor,
        paidMinor: minor,
        dueOn: dayKey,
        status: z.enum(InstallmentStatus),
        paidAt: instant.nullable(),
      }),
    ),
    payments: z.array(invoicePaymentSchema),
  })
  .meta({ id: "Invoice" });

export const apiPaymentSchema = invoicePaymentSchema
  .extend({
    currency: z.string(),
    invoiceId: id,
    invoice: z.string(),
    client: z.string(),
  })
  .meta({ id: "Payment" });

export const apiTaskSchema = z
  .object({
    id,
    name: z.string(),
    workflow: z.string(),
    dueAt: instant,
    overdueDays: z.number().int().meta({ description: "Whole days late in the studio's calendar; 0 when not late." }),
    completedAt: instant.nullable(),
    jobId: id,
    job: z.string(),
  })
  .meta({ id: "Task" });

/** A list that is not paged: a job's proposals or contracts (a handful each). */
export const apiListSchema = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item) }).meta({ id: `${name}List` });

/** A page of a list: `next`/`prev` are cursors for the `after`/`before` query parameters. */
export const apiPageSchema = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      data: z.array(item),
      next: z.string().nullable().meta({ description: "Pass as `after` for the next page; null on the last." }),
      prev: z.string().nullable().meta({ description: "Pass as `before` for the previous page." }),
    })
    .meta({ id: `${name}Page` });

export const pageOf = <Row, Out>(page: KeysetPage<Row>, shape: (row: Row) => Out) => ({
  data: page.rows.map(shape),
  next: page.next ?? null,
  prev: page.prev ?? null,
});

const day = (date: Date | null) => (date ? dayKeyOfDateColumn(date) : null);

type LeadRow = Awaited<ReturnType<typeof findLeadPage>>["rows"][number];
type LeadDetail = NonNullable<Awaited<ReturnType<typeof findLead>>>;

export const toApiLeadSummary = (lead: LeadRow): z.infer<typeof apiLeadSummarySchema> => ({
  id: lead.id,
  name: lead.name,
  email: lead.email,
  eventType: lead.eventType,
  eventDate: day(lead.eventDate),
  status: lead.status,
  brand: lead.brand?.name ?? null,
  createdAt: lead.createdAt.toISOString(),
});

export const toApiLead = (lead: LeadDetail): z.infer<typeof apiLeadSchema> => ({
  ...toApiLeadSummary(lead),
  phone: lead.phone,
  message: lead.message,
  source: lead.source,
  jobId: lead.job?.id ?? null,
});

type JobRow = Awaited<ReturnType<typeof findJobPage>>["rows"][number];
type JobDetail = NonNullable<Awaited<ReturnType<typeof findJob>>>;

export const toApiJobSummary = (job: JobRow): z.infer<typeof apiJobSummarySchema> => ({
  id: job.id,
  title: job.title,
  type: job.type,
  date: day(job.date),
  status: job.status,
  brand: job.brand.name,
  client: job.contact.name,
});

export const toApiJob = (job: JobDetail): z.infer<typeof apiJobSchema> => ({
  ...toApiJobSummary(job),
  createdAt: job.createdAt.toISOString(),
  notes: job.notes,
  clientId: job.contact.id,
  leadId: job.lead?.id ?? null,
  events: job.events.map((e) => ({
    id: e.id,
    name: e.name,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt?.toISOString() ?? null,
    location: e.location,
  })),
});

type ClientRow = Awaited<ReturnType<typeof findContactPage>>["rows"][number];
type ClientDetail = NonNullable<Awaited<ReturnType<typeof findContactWithJobs>>>;

export const toApiClientSummary = (c: ClientRow): z.infer<typeof apiClientSummarySchema> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  createdAt: c.createdAt.toISOString(),
  jobCount: c.jobCount,
  leadCount: c.leadCount,
});

export const toApiClient = (c: ClientDetail): z.infer<typeof apiClientSchema> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  createdAt: c.createdAt.toISOString(),
  address: c.address,
  notes: c.notes,
  jobs: c.jobs,
});

const at = (date: Date | null) => date?.toISOString() ?? null;

export const toApiEvent = (e: CalendarEvent): z.infer<typeof apiEventSchema> => ({
  id: e.id,
  name: e.name,
  startsAt: e.startsAt.toISOString(),
  endsAt: at(e.endsAt),
  location: e.location,
  isShoot: e.isShoot,
  jobId: e.job.id,
  job: e.job.title,
});

type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

export const toApiProposal = (p: ProposalRow): z.infer<typeof apiProposalSchema> => ({
  id: p.id,
  jobId: p.jobId,
  title: p.title,
  status: p.status,
  totalMinor: proposalTotal(p.items),
  depositMinor: p.depositCents,
  expiresAt: p.expiresAt.toISOString(),
  sentAt: at(p.sentAt),
  respondedAt: at(p.respondedAt),
  createdAt: p.createdAt.toISOString(),
  contractId: p.contract?.id ?? null,
  items: p.items.map((i) => ({
    id: i.id,
    description: i.description,
    quantity: i.quantity,
    unitPriceMinor: i.unitPriceCents,
  })),
});

type ContractRow = NonNullable<Awaited<ReturnType<typeof findContractSummary>>>;

export const toApiContract = (c: ContractRow): z.infer<typeof apiContractSchema> => ({
  id: c.id,
  jobId: c.jobId,
  title: c.title,
  status: c.status,
  proposal: c.proposal?.title ?? null,
  sentAt: at(c.sentAt),
  signedAt: at(c.signedAt),
  countersignedAt: at(c.countersignedAt),
  voidedAt: at(c.voidedAt),
  createdAt: c.createdAt.toISOString(),
});

export const toApiInvoiceSummary = (i: InvoiceListRow): z.infer<typeof apiInvoiceSummarySchema> => ({
  id: i.id,
  number: i.number,
  title: i.title,
  status: i.status,
  currency: i.currency,
  totalMinor: i.totalMinor,
  paidMinor: i.paidMinor,
  nextDueOn: day(i.nextDueOn),
  isOverdue: Boolean(i.overdueSince),
  paidAt: at(i.paidAt),
  createdAt: i.createdAt.toISOString(),
  jobId: i.job.id,
  job: i.job.title,
  client: i.job.contact.name,
});

export const toApiInvoice = (i: InvoiceDetail): z.infer<typeof apiInvoiceSchema> => ({
  id: i.id,
  number: i.number,
  title: i.title,
  status: i.status,
  currency: i.currency,
  subtotalMinor: i.subtotalMinor,
  discountMinor: i.discountMinor,
  taxMinor: i.taxMinor,
  totalMinor: i.totalMinor,
  paidMinor: i.paidMinor,
  depositMinor: i.depositMinor,
  note: i.note,
  issuedOn: day(i.issuedOn),
  sentAt: at(i.sentAt),
  paidAt: at(i.paidAt),
  voidedAt: at(i.voidedAt),
  createdAt: i.createdAt.toISOString(),
  jobId: i.job.id,
  lines: i.lines,
  installments: i.installments.map((n) => ({ ...n, dueOn: dayKeyOfDateColumn(n.dueOn), paidAt: at(n.paidAt) })),
  payments: i.payments.map(toInvoicePayment),
});

type PaymentRow = Pick<PaymentListRow, "id" | "kind" | "method" | "amountMinor" | "receivedAt" | "reference">;

const toInvoicePayment = (p: PaymentRow): z.infer<typeof invoicePaymentSchema> => ({
  id: p.id,
  kind: p.kind,
  method: p.method,
  amountMinor: p.amountMinor,
  receivedAt: p.receivedAt.toISOString(),
  reference: p.reference,
});

export const toApiPayment = (p: PaymentListRow): z.infer<typeof apiPaymentSchema> => ({
  ...toInvoicePayment(p),
  currency: p.currency,
  invoiceId: p.invoice.id,
  invoice: `${p.invoice.number} · ${p.invoice.title}`,
  client: p.invoice.job.contact.name,
});

export const toApiTask = (t: OpenTask & { completedAt?: Date | null }): z.infer<typeof apiTaskSchema> => ({
  id: t.taskId,
  name: t.name,
  workflow: t.workflow,
  dueAt: t.dueAt.toISOString(),
  overdueDays: t.overdueDays,
  completedAt: at(t.completedAt ?? null),
  jobId: t.jobId,
  job: t.jobTitle,
});
