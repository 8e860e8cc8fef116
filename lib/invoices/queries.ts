import { type Db } from "@/lib/db";
import { findKeysetPage, type PageRequest, type Section } from "@/lib/pagination";
import { type InvoiceView } from "@/lib/invoices/schemas";
import { findLink } from "@/lib/link-directory";
import { type InvoiceStatus, type Prisma } from "@/prisma/generated/prisma/client";

const LIVE: InvoiceStatus[] = ["SENT", "PARTIALLY_PAID"];

const listSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  currency: true,
  totalMinor: true,
  paidMinor: true,
  nextDueOn: true,
  overdueSince: true,
  paidAt: true,
  createdAt: true,
  job: { select: { id: true, title: true, contact: { select: { name: true } } } },
} satisfies Prisma.InvoiceSelect;

export type InvoiceListRow = Prisma.InvoiceGetPayload<{ select: typeof listSelect }>;

/**
 * Each view reads one index in order: due and overdue by the next due date (soonest first),
 * paid by when it was paid, the others newest first. The brand filter goes through the job.
 */
function invoiceSections({
  studioId,
  brandId,
  view,
}: {
  studioId: string;
  brandId?: string;
  view: InvoiceView;
}): Section[] {
  const base = { studioId, ...(brandId ? { job: { brandId } } : {}) };
  switch (view) {
    case "due":
      return [{ where: { ...base, status: { in: LIVE } }, key: "nextDueOn", dir: "asc" }];
    case "overdue":
      return [{ where: { ...base, status: { in: LIVE }, overdueSince: { not: null } }, key: "nextDueOn", dir: "asc" }];
    case "paid":
      return [{ where: { ...base, status: "PAID" }, key: "paidAt", dir: "desc" }];
    case "draft":
      return [{ where: { ...base, status: "DRAFT" }, key: "createdAt", dir: "desc" }];
    case "void":
      return [{ where: { ...base, status: "VOID" }, key: "createdAt", dir: "desc" }];
    default:
      return [{ where: base, key: "createdAt", dir: "desc" }];
  }
}

/** One page (25) of the studio's invoices in a view. */
export function findInvoicePage(
  db: Db,
  filter: { studioId: string; brandId?: string; view: InvoiceView } & PageRequest & { size?: number },
) {
  return findKeysetPage<InvoiceListRow>({
    sections: invoiceSections(filter),
    request: filter,
    size: filter.size,
    fetch: ({ where, orderBy, take }) =>
      db.invoice.findMany({
        where: where as Prisma.InvoiceWhereInput,
        orderBy: orderBy as Prisma.InvoiceOrderByWithRelationInput[],
        take,
        select: listSelect,
      }),
    keyOf: (row, section) =>
      section.key === "nextDueOn" ? row.nextDueOn : section.key === "paidAt" ? row.paidAt : row.createdAt,
  });
}

/** What both the studio's and the client's invoice page show of an invoice's own row. */
const invoiceAmountsSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  currency: true,
  subtotalMinor: true,
  discountMinor: true,
  taxMinor: true,
  totalMinor: true,
  paidMinor: true,
} satisfies Prisma.InvoiceSelect;

const installmentSelect = {
  id: true,
  label: true,
  amountMinor: true,
  paidMinor: true,
  dueOn: true,
  status: true,
  paidAt: true,
} satisfies Prisma.InstallmentSelect;

export function findInvoice(db: Db, { studioId, invoiceId }: { studioId: string; invoiceId: string }) {
  return db.invoice.findFirst({
    where: { id: invoiceId, studioId },
    select: {
      ...invoiceAmountsSelect,
      depositMinor: true,
      scheduleTemplateId: true,
      note: true,
      issuedOn: true,
      sentAt: true,
      paidAt: true,
      voidedAt: true,
      createdAt: true,
      job: { select: { id: true, title: true, date: true, contact: { select: { name: true, email: true } } } },
      proposal: { select: { title: true } },
      reissuedFrom: { select: { id: true, number: true } },
      reissuedAs: { select: { id: true, number: true } },
      lines: {
        orderBy: { position: "asc" },
        select: { id: true, description: true, quantity: true, unitPriceMinor: true, taxRateBps: true },
      },
      installments: {
        where: { studioId },
        orderBy: [{ dueOn: "asc" }, { position: "asc" }],
        select: installmentSelect,
      },
      payments: {
        where: { studioId },
        orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
        take: 100,
        select: {
          id: true,
          kind: true,
          method: true,
          amountMinor: true,
          receivedAt: true,
          reference: true,
          note: true,
          recordedBy: { select: { name: true } },
        },
      },
    },
  });
}
export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;

/** A job's invoices with their schedules: a handful per job, not paged. */
export function findJobInvoices(db: Db, { studioId, jobId }: { studioId: string; jobId: string }) {
  return db.invoice.findMany({
    where: { studioId, jobId },
    orderBy: [{ number: "desc" }],
    take: 50,
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      currency: true,
      proposalId: true,
      totalMinor: true,
      paidMinor: true,
      nextDueOn: true,
      overdueSince: true,
      installments: {
        where: { studioId },
        orderBy: [{ dueOn: "asc" }, { position: "asc" }],
        select: installmentSelect,
      },
    },
  });
}

/** The invoice a client's link opens: never a draft; void ones still open, to say so. */
export async function findInvoiceForClient(db: Db, { token }: { token: string }) {
  const link = await findLink(db, token);
  if (!link) return null;
  return db.invoice.findFirst({
    where: { ...link, status: { not: "DRAFT" } },
    select: {
      ...invoiceAmountsSelect,
      studioId: true,
      note: true,
      issuedOn: true,
      lines: {
        orderBy: { position: "asc" },
        select: { id: true, description: true, quantity: true, unitPriceMinor: true, taxRateBps: true },
      },
      installments: { orderBy: [{ dueOn: "asc" }, { position: "asc" }], select: installmentSelect },
      payments: {
        orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
        take: 50,
        select: { id: true, kind: true, method: true, amountMinor: true, receivedAt: true },
      },
      job: { select: { title: true, contact: { select: { name: true } } } },
      studio: { select: { name: true, timeZone: true, locale: true, paymentInstructions: true } },
    },
  });
}
export type ClientInvoice = NonNullable<Awaited<ReturnType<typeof findInvoiceForClient>>>;

/** Whether a card checkout the client just came back from has been recorded (read on the primary). */
export function findCheckoutState(
  db: Db,
  { studioId, invoiceId, sessionId }: { studioId: string; invoiceId: string; sessionId: string },
) {
  return db.paymentCheckout.findFirst({
    where: { studioId, invoiceId, providerSessionId: sessionId },
    select: { status: true, amountMinor: true },
  });
}
