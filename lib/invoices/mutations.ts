import { dateColumn, dayKeyOf, dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { queueEmail } from "@/lib/email/outbox";
import { queueWebhookEvent } from "@/lib/webhooks/outbox";
import { type CreateInvoiceInput, type UpdateInvoiceInput } from "@/lib/invoices/schemas";
import { type LineItem } from "@/lib/line-items";
import { computeTotals, formatMoney } from "@/lib/money";
import {
  DEFAULT_STEPS,
  DEFAULT_STEPS_WITHOUT_EVENT,
  planInstallments,
  planInstallmentShift,
  ScheduleError,
  type InstallmentShift,
  type PlannedInstallment,
  type ScheduleStep,
} from "@/lib/schedules/plan";
import { requireStudioMoney } from "@/lib/studios/mutations";
import { linkToken, linkTokenHash } from "@/lib/tokens";

type Tenant = { studioId: string };

/**
 * The studio's next invoice number. The counter row is incremented inside the caller's
 * transaction: concurrent creations (on any node) queue on its row lock, and a rollback gives
 * the number back, so numbers have neither gaps nor duplicates.
 */
export async function nextInvoiceNumber(tx: Tx, { studioId }: Tenant): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceCounter" ("studioId", "last") VALUES (${studioId}, 1)
    ON CONFLICT ("studioId") DO UPDATE SET "last" = "InvoiceCounter"."last" + 1
    RETURNING "last"`;
  return row.last;
}

/** One payment due on receipt: a hand-made invoice without a retainer or a chosen schedule. */
const ON_RECEIPT: ScheduleStep[] = [{ label: "Payment", amount: "REST", anchor: "BOOKING", offsetDays: 0 }];

async function scheduleSteps(
  tx: Tx,
  {
    studioId,
    scheduleTemplateId,
    depositMinor,
    eventDay,
  }: Tenant & { scheduleTemplateId: string | null; depositMinor: number; eventDay: string | null },
) {
  if (scheduleTemplateId) {
    const template = await tx.paymentScheduleTemplate.findFirst({
      where: { id: scheduleTemplateId, studioId },
      select: {
        steps: {
          orderBy: { position: "asc" },
          select: { label: true, amount: true, percentBps: true, fixedMinor: true, anchor: true, offsetDays: true },
        },
      },
    });
    if (!template)
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        scheduleId: ["Choose a payment schedule from the list."],
      });
    return template.steps;
  }
  const fallback = await tx.paymentScheduleTemplate.findFirst({
    where: { studioId, isDefault: true },
    select: {
      steps: {
        orderBy: { position: "asc" },
        select: { label: true, amount: true, percentBps: true, fixedMinor: true, anchor: true, offsetDays: true },
      },
    },
  });
  if (fallback && (eventDay || fallback.steps.every((s) => s.anchor === "BOOKING"))) return fallback.steps;
  if (depositMinor === 0) return ON_RECEIPT;
  return eventDay ? DEFAULT_STEPS : DEFAULT_STEPS_WITHOUT_EVENT;
}

type Plannable = {
  id: string;
  jobId: string;
  totalMinor: number;
  depositMinor: number;
  scheduleTemplateId: string | null;
};

/** The invoice's schedule planned from `bookingDay`, with the job's date as the event day. */
async function planSchedule(
  tx: Tx,
  { studioId, invoice, bookingDay }: Tenant & { invoice: Omit<Plannable, "id">; bookingDay: string },
): Promise<PlannedInstallment[]> {
  const job = await tx.job.findFirst({ where: { id: invoice.jobId, studioId }, select: { date: true } });
  const eventDay = job?.date ? dayKeyOfDateColumn(job.date) : null;
  const steps = await scheduleSteps(tx, {
    studioId,
    scheduleTemplateId: invoice.scheduleTemplateId,
    depositMinor: invoice.depositMinor,
    eventDay,
  });
  try {
    return planInstallments({
      steps,
      totalMinor: invoice.totalMinor,
      depositMinor: invoice.depositMinor,
      bookingDay,
      eventDay,
    });
  } catch (error) {
    if (error instanceof ScheduleError)
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { scheduleId: [error.message] });
    throw error;
  }
}

const installmentRows = (planned: PlannedInstallment[]) =>
  planned.map((p, position) => ({
    position,
    label: p.label,
    amountMinor: p.amountMinor,
    dueOn: dateColumn(p.dueOn),
    anchor: p.anchor,
    offsetDays: p.offsetDays,
  }));

/** Replaces the invoice's installments with its schedule planned again. */
async function replanSchedule(
  tx: Tx,
  { studioId, invoice, bookingDay }: Tenant & { invoice: Plannable; bookingDay: string },
): Promise<PlannedInstallment[]> {
  const planned = await planSchedule(tx, { studioId, invoice, bookingDay });
  await tx.installment.deleteMany({ where: { invoiceId: invoice.id, studioId } });
  await tx.installment.createMany({
    data: installmentRows(planned).map((row) => ({ ...row, studioId, invoiceId: invoice.id })),
  });
  return planned;
}

type InvoiceContent = {
  title: string;
  lines: LineItem[];
  discountMinor: number;
  depositMinor: number;
  scheduleTemplateId: string | null;
  note: string | null;
};

async function writeLines(tx: Tx, { studioId, invoiceId }: { studioId: string; invoiceId: string }, lines: LineItem[]) {
  await tx.invoiceLine.deleteMany({ where: { studioId, invoiceId } });
  await tx.invoiceLine.createMany({
    data: lines.map((l, position) => ({
      studioId,
      invoiceId,
      position,
      description: l.description,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      taxRateBps: l.taxRateBps,
    })),
  });
}

function totalsOf(content: InvoiceContent) {
  const { subtotalMinor, discountMinor, taxMinor, totalMinor } = computeTotals(content.lines, {
    discountMinor: content.discountMinor,
  });
  return { subtotalMinor, discountMinor, taxMinor, totalMinor };
}

async function insertInvoice(
  tx: Tx,
  {
    studioId,
    jobId,
    proposalId = null,
    reissuedFromId = null,
    currency,
    content,
    bookingDay,
  }: Tenant & {
    jobId: string;
    proposalId?: string | null;
    reissuedFromId?: string | null;
    currency: string;
    content: InvoiceContent;
    bookingDay: string;
  },
) {
  const totals = totalsOf(content);
  if (content.depositMinor > totals.totalMinor)
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      retainer: ["The retainer cannot be more than the total."],
    });
  const planned = await planSchedule(tx, {
    studioId,
    invoice: {
      jobId,
      totalMinor: totals.totalMinor,
      depositMinor: content.depositMinor,
      scheduleTemplateId: content.scheduleTemplateId,
    },
    bookingDay,
  });
  // The number is taken last: the counter's row lock is held until commit, so every other
  // creation in this studio waits only for this one's final insert.
  const number = await nextInvoiceNumber(tx, { studioId });
  // Lines and installments are inserts of their own, not nested creates: Prisma reads a row back by
  // its id alone after nested writes, and every statement names the studio.
  const invoice = await tx.invoice.create({
    data: {
      studioId,
      jobId,
      proposalId,
      reissuedFromId,
      number,
      title: content.title,
      currency,
      note: content.note,
      depositMinor: content.depositMinor,
      scheduleTemplateId: content.scheduleTemplateId,
      ...totals,
    },
    select: { id: true, jobId: true, number: true, totalMinor: true, depositMinor: true, scheduleTemplateId: true },
  });
  await tx.invoiceLine.createMany({
    data: content.lines.map((l, position) => ({
      studioId,
      invoiceId: invoice.id,
      position,
      description: l.description,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      taxRateBps: l.taxRateBps,
    })),
  });
  await tx.installment.createMany({
    data: installmentRows(planned).map((row) => ({ studioId, invoiceId: invoice.id, ...row })),
  });
  return invoice;
}

/** A draft invoice typed by hand on a job. */
export async function createInvoice(
  tx: Tx,
  { studioId, input, now = new Date() }: Tenant & { input: CreateInvoiceInput; now?: Date },
) {
  const job = await tx.job.findFirst({ where: { id: input.jobId, studioId }, select: { id: true } });
  if (!job) throw notFound("That job");
  const studio = await requireStudioMoney(tx, { studioId, typed: input.money });
  return insertInvoice(tx, {
    studioId,
    jobId: job.id,
    currency: studio.currency,
    content: {
      title: input.title,
      lines: input.lines,
      discountMinor: input.discountMinor,
      depositMinor: input.depositMinor,
      scheduleTemplateId: input.scheduleId,
      note: input.note,
    },
    bookingDay: dayKeyOf(now, studio.timeZone),
  });
}

/**
 * A draft invoice from an accepted proposal: its lines, and its deposit as the retainer. The
 * booking day of its schedule is the day the client accepted. One live invoice per proposal.
 */
export async function createInvoiceFromProposal(
  tx: Tx,
  { studioId, proposalId, now = new Date() }: Tenant & { proposalId: string; now?: Date },
) {
  const proposal = await tx.proposal.findFirst({
    where: { id: proposalId, studioId },
    select: {
      id: true,
      jobId: true,
      title: true,
      status: true,
      depositCents: true,
      respondedAt: true,
      items: { orderBy: { position: "asc" }, select: { description: true, quantity: true, unitPriceCents: true } },
      invoices: { where: { studioId, status: { not: "VOID" } }, select: { number: true }, take: 1 },
    },
  });
  if (!proposal) throw notFound("That proposal");
  if (proposal.status !== "ACCEPTED") throw new AppError("CONFLICT", "Only an accepted proposal can be invoiced.");
  if (proposal.invoices.length > 0)
    throw new AppError("CONFLICT", `This proposal already has invoice ${proposal.invoices[0].number}.`);
  const studio = await requireStudioMoney(tx, { studioId });
  return insertInvoice(tx, {
    studioId,
    jobId: proposal.jobId,
    proposalId: proposal.id,
    currency: studio.currency,
    content: {
      title: proposal.title,
      lines: proposal.items.map((i) => ({
        description: i.description,
        quantity: i.quantity,
        unitPriceMinor: i.unitPriceCents,
        taxRateBps: 0,
      })),
      discountMinor: 0,
      depositMinor: proposal.depositCents,
      scheduleTemplateId: null,
      note: null,
    },
    bookingDay: dayKeyOf(proposal.respondedAt ?? now, studio.timeZone),
  });
}

async function requireInvoice(tx: Tx, { studioId, invoiceId }: Tenant & { invoiceId: string }) {
  const invoice = await tx.invoice.findFirst({
    where: { id: invoiceId, studioId },
    select: {
      id: true,
      jobId: true,
      status: true,
      number: true,
      title: true,
      currency: true,
      totalMinor: true,
      paidMinor: true,
      depositMinor: true,
      scheduleTemplateId: true,
      proposalId: true,
      issuedOn: true,
      createdAt: true,
    },
  });
  if (!invoice) throw notFound("That invoice");
  return invoice;
}

/** Changes a draft: lines, discount, retainer, schedule, note. Sent invoices are frozen. */
export async function updateDraftInvoice(
  tx: Tx,
  { studioId, input, now = new Date() }: Tenant & { input: UpdateInvoiceInput; now?: Date },
) {
  const invoice = await requireInvoice(tx, { studioId, invoiceId: input.invoiceId });
  if (invoice.status !== "DRAFT")
    throw new AppError("CONFLICT", "A sent invoice cannot change. Void it and issue a corrected one instead.");
  const studio = await requireStudioMoney(tx, { studioId, typed: input.money });
  if (studio.currency !== invoice.currency)
    throw new AppError(
      "VALIDATION",
      `This draft is in ${invoice.currency}. Void it and create a new invoice in ${studio.currency}.`,
    );
  const content: InvoiceContent = {
    title: input.title,
    lines: input.lines,
    discountMinor: input.discountMinor,
    depositMinor: input.depositMinor,
    scheduleTemplateId: input.scheduleId,
    note: input.note,
  };
  const totals = totalsOf(content);
  if (invoice.paidMinor > totals.totalMinor) {
    throw new AppError(
      "VALIDATION",
      `${formatMoney(invoice.paidMinor, studio.money)} is already paid on this invoice: the total cannot be less.`,
    );
  }
  // Conditional on DRAFT: a send racing this edit either sees the new lines or refuses them.
  const { count } = await tx.invoice.updateMany({
    where: { id: invoice.id, studioId, status: "DRAFT" },
    data: {
      title: content.title,
      note: content.note,
      depositMinor: content.depositMinor,
      scheduleTemplateId: content.scheduleTemplateId,
      ...totals,
    },
  });
  if (count === 0) throw new AppError("CONFLICT", "This invoice was sent meanwhile and can no longer change.");
  await writeLines(tx, { studioId, invoiceId: invoice.id }, content.lines);
  await replanSchedule(tx, {
    studioId,
    invoice: {
      ...invoice,
      ...totals,
      depositMinor: content.depositMinor,
      scheduleTemplateId: content.scheduleTemplateId,
    },
    bookingDay: dayKeyOf(now, studio.timeZone),
  });
  await settleInvoice(tx, { studioId, invoiceId: invoice.id, now });
  return { id: invoice.id, jobId: invoice.jobId };
}

/**
 * Sends a draft: it is frozen from now on. The schedule is planned again from the booking day
 * (the day the proposal was accepted, or today), nothing due before today, and the client is
 * emailed their link. `email: "if-possible"` sends without an email to a client who has no
 * address (they are on the page already). Returns the client's link token.
 */
export async function sendInvoice(
  tx: Tx,
  {
    studioId,
    invoiceId,
    now = new Date(),
    email = "required",
  }: Tenant & { invoiceId: string; now?: Date; email?: "required" | "if-possible" },
) {
  const invoice = await requireInvoice(tx, { studioId, invoiceId });
  if (invoice.status !== "DRAFT") throw new AppError("CONFLICT", "This invoice was already sent.");
  if (invoice.totalMinor <= 0)
    throw new AppError("VALIDATION", "This invoice has nothing to pay. Add a line with a price first.");
  const job = await tx.job.findFirst({
    where: { id: invoice.jobId, studioId },
    select: { title: true, contact: { select: { name: true, email: true } } },
  });
  if (!job) throw notFound("That job");
  const to = job.contact.email;
  if (!to && email === "required")
    throw new AppError("VALIDATION", `${job.contact.name} has no email address to send the invoice to.`);
  const studio = await requireStudioMoney(tx, { studioId });
  const today = dayKeyOf(now, studio.timeZone);
  const proposal = invoice.proposalId
    ? await tx.proposal.findFirst({ where: { id: invoice.proposalId, studioId }, select: { respondedAt: true } })
    : null;
  const acceptedDay = proposal?.respondedAt ? dayKeyOf(proposal.respondedAt, studio.timeZone) : today;
  await replanSchedule(tx, { studioId, invoice, bookingDay: acceptedDay });
  // A schedule planned from an earlier acceptance may have dates in the past: due today instead.
  await tx.installment.updateMany({
    where: { invoiceId: invoice.id, studioId, dueOn: { lt: dateColumn(today) } },
    data: { dueOn: dateColumn(today) },
  });
  const { count } = await tx.invoice.updateMany({
    where: { id: invoice.id, studioId, status: "DRAFT" },
    data: { status: "SENT", sentAt: now, issuedOn: dateColumn(today), tokenHash: linkTokenHash("invoice", invoice.id) },
  });
  if (count === 0) throw new AppError("CONFLICT", "This invoice was already sent.");
  await settleInvoice(tx, { studioId, invoiceId: invoice.id, now });
  if (to) await queueEmail(tx, { studioId, kind: "invoice.sent", to, params: { invoiceId: invoice.id } });
  await queueWebhookEvent(tx, {
    studioId,
    type: "invoice.sent",
    data: {
      id: invoice.id,
      jobId: invoice.jobId,
      number: invoice.number,
      title: invoice.title,
      currency: invoice.currency,
      totalMinor: invoice.totalMinor,
      issuedOn: today,
      sentAt: now.toISOString(),
      isEmailed: Boolean(to),
    },
  });
  return { id: invoice.id, jobId: invoice.jobId, token: linkToken("invoice", invoice.id), isEmailed: Boolean(to) };
}

/**
 * Voids an invoice. With `reissue`, a new draft copies it (lines, retainer, schedule) and the
 * payments already received move to it, so a correction never loses money received. A plain
 * void of an invoice with money on it is refused: refund it, or void and reissue.
 */
export async function voidInvoice(
  tx: Tx,
  { studioId, invoiceId, reissue, now = new Date() }: Tenant & { invoiceId: string; reissue: boolean; now?: Date },
) {
  const invoice = await requireInvoice(tx, { studioId, invoiceId });
  if (invoice.status === "VOID") throw new AppError("CONFLICT", "This invoice is already void.");
  const studio = await requireStudioMoney(tx, { studioId });
  if (!reissue && invoice.paidMinor !== 0) {
    throw new AppError(
      "CONFLICT",
      `${formatMoney(invoice.paidMinor, studio.money)} was paid on this invoice. Record a refund first, or void it and issue a corrected one (the payments move to it).`,
    );
  }
  const { count } = await tx.invoice.updateMany({
    where: { id: invoice.id, studioId, status: { not: "VOID" } },
    data: { status: "VOID", voidedAt: now, nextDueOn: null, overdueSince: null },
  });
  if (count === 0) throw new AppError("CONFLICT", "This invoice is already void.");
  await tx.paymentCheckout.updateMany({
    where: { invoiceId: invoice.id, studioId, status: "OPEN" },
    data: { status: "EXPIRED" },
  });
  if (!reissue) return { jobId: invoice.jobId, reissuedId: null };
  const lines = await tx.invoiceLine.findMany({
    where: { studioId, invoiceId: invoice.id },
    orderBy: { position: "asc" },
    select: { description: true, quantity: true, unitPriceMinor: true, taxRateBps: true },
  });
  const full = await tx.invoice.findFirstOrThrow({
    where: { id: invoice.id, studioId },
    select: { discountMinor: true, note: true },
  });
  const copy = await insertInvoice(tx, {
    studioId,
    jobId: invoice.jobId,
    proposalId: invoice.proposalId,
    reissuedFromId: invoice.id,
    currency: invoice.currency,
    content: {
      title: invoice.title,
      lines,
      discountMinor: full.discountMinor,
      depositMinor: invoice.depositMinor,
      scheduleTemplateId: invoice.scheduleTemplateId,
      note: full.note,
    },
    bookingDay: dayKeyOf(now, studio.timeZone),
  });
  await tx.payment.updateMany({ where: { invoiceId: invoice.id, studioId }, data: { invoiceId: copy.id } });
  await tx.invoice.updateMany({ where: { id: invoice.id, studioId }, data: { paidMinor: 0 } });
  await settleInvoice(tx, { studioId, invoiceId: copy.id, now });
  return { jobId: invoice.jobId, reissuedId: copy.id };
}

export type Settlement = {
  status: string;
  paidMinor: number;
  totalMinor: number;
  /** Installments this settlement turned paid. */
  newlyPaid: string[];
  /** Whether the earliest installment is paid (the retainer). */
  isFirstPaid: boolean;
};

/**
 * Works out what is paid after a payment, refund or change: payments less refunds cover the
 * installments in due order; each is paid when covered. The invoice is paid, partially paid or
 * just sent accordingly (a draft or void stays so). Installments only turn overdue in the
 * billing service; one that is no longer covered (a refund) opens again and is marked there.
 * The invoice row is locked first, so concurrent payments settle one after the other.
 */
export async function settleInvoice(
  tx: Tx,
  { studioId, invoiceId, now = new Date() }: Tenant & { invoiceId: string; now?: Date },
): Promise<Settlement> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Invoice" WHERE id = ${invoiceId} AND "studioId" = ${studioId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("That invoice");
  const invoice = await tx.invoice.findFirstOrThrow({
    where: { id: invoiceId, studioId },
    select: {
      status: true,
      totalMinor: true,
      paidAt: true,
      installments: {
        orderBy: [{ dueOn: "asc" }, { position: "asc" }],
        select: {
          id: true,
          amountMinor: true,
          paidMinor: true,
          status: true,
          dueOn: true,
          paidAt: true,
          overdueAt: true,
        },
      },
    },
  });
  const sums = await tx.payment.groupBy({ by: ["kind"], where: { invoiceId, studioId }, _sum: { amountMinor: true } });
  const sum = (kind: "PAYMENT" | "REFUND") => sums.find((s) => s.kind === kind)?._sum.amountMinor ?? 0;
  const paidMinor = sum("PAYMENT") - sum("REFUND");
  let left = paidMinor;
  const newlyPaid: string[] = [];
  let nextDueOn: Date | null = null;
  let overdueSince: Date | null = null;
  let isFirstPaid = false;
  for (const [index, i] of invoice.installments.entries()) {
    const covered = Math.max(0, Math.min(left, i.amountMinor));
    left -= covered;
    const isPaid = covered >= i.amountMinor;
    if (index === 0) isFirstPaid = isPaid;
    const status = isPaid ? "PAID" : i.status === "OVERDUE" ? "OVERDUE" : "OPEN";
    if (isPaid && i.status !== "PAID") newlyPaid.push(i.id);
    if (!isPaid) nextDueOn ??= i.dueOn;
    if (status === "OVERDUE" && i.overdueAt && (!overdueSince || i.overdueAt < overdueSince))
      overdueSince = i.overdueAt;
    if (covered !== i.paidMinor || status !== i.status) {
      await tx.installment.update({
        where: { id: i.id, studioId },
        data: {
          paidMinor: covered,
          status,
          paidAt: isPaid ? (i.paidAt ?? now) : null,
          overdueAt: status === "OVERDUE" ? i.overdueAt : null,
        },
        select: { id: true },
      });
    }
  }
  const isLive = invoice.status !== "DRAFT" && invoice.status !== "VOID";
  const status = !isLive
    ? invoice.status
    : paidMinor >= invoice.totalMinor
      ? "PAID"
      : paidMinor > 0
        ? "PARTIALLY_PAID"
        : "SENT";
  await tx.invoice.update({
    where: { id: invoiceId, studioId },
    data: {
      status,
      paidMinor,
      paidAt: status === "PAID" ? (invoice.paidAt ?? now) : null,
      nextDueOn: isLive ? nextDueOn : null,
      overdueSince: isLive ? overdueSince : null,
    },
    select: { id: true },
  });
  return { status, paidMinor, totalMinor: invoice.totalMinor, newlyPaid, isFirstPaid };
}

/**
 * What moving a job to `toDay` does to its invoices' installments (the reschedule preview):
 * unpaid ones counted from the event move with it; paid, booking-based and hand-typed ones stay.
 */
export async function findInstallmentShift(
  tx: Tx,
  { studioId, jobId, toDay, now = new Date() }: Tenant & { jobId: string; toDay: string; now?: Date },
): Promise<InstallmentShift[]> {
  const job = await tx.job.findFirst({
    where: { id: jobId, studioId },
    select: { date: true, studio: { select: { timeZone: true } } },
  });
  if (!job) throw notFound("That job");
  const installments = await tx.installment.findMany({
    where: { studioId, invoice: { jobId, studioId, status: { in: ["DRAFT", "SENT", "PARTIALLY_PAID"] } } },
    orderBy: [{ dueOn: "asc" }, { position: "asc" }],
    select: { id: true, label: true, dueOn: true, anchor: true, offsetDays: true, status: true },
  });
  return planInstallmentShift({
    installments: installments.map((i) => ({
      id: i.id,
      label: i.label,
      dueOn: dayKeyOfDateColumn(i.dueOn),
      anchor: i.anchor,
      offsetDays: i.offsetDays,
      isPaid: i.status === "PAID",
    })),
    fromDay: job.date ? dayKeyOfDateColumn(job.date) : null,
    toDay,
    today: dayKeyOf(now, job.studio.timeZone),
  });
}

/**
 * Moves the installments `findInstallmentShift` names, in the transaction that moves the job.
 * A moved installment is open again (its new date decides whether it is overdue) and its
 * reminders start over, so the client is reminded of the new date, once per offset.
 */
export async function applyInstallmentShift(
  tx: Tx,
  { studioId, jobId, toDay, now = new Date() }: Tenant & { jobId: string; toDay: string; now?: Date },
): Promise<InstallmentShift[]> {
  const shifts = await findInstallmentShift(tx, { studioId, jobId, toDay, now });
  await moveInstallments(tx, { studioId, moves: shifts, now });
  return shifts;
}

/**
 * Moves each unpaid installment still due on `from` to `to` (a reschedule's lines, or their undo):
 * open again, reminders restarted, its invoice settled again. Returns how many moved; one that
 * was paid or moved meanwhile is left as it is, for the caller to refuse.
 */
export async function moveInstallments(
  tx: Tx,
  { studioId, moves, now = new Date() }: Tenant & { moves: { id: string; from: string; to: string }[]; now?: Date },
): Promise<number> {
  if (moves.length === 0) return 0;
  let moved = 0;
  for (const move of moves) {
    const { count } = await tx.installment.updateMany({
      where: { id: move.id, studioId, status: { not: "PAID" }, dueOn: dateColumn(move.from) },
      data: { dueOn: dateColumn(move.to), status: "OPEN", overdueAt: null },
    });
    moved += count;
  }
  const ids = moves.map((m) => m.id);
  await tx.reminder.deleteMany({ where: { studioId, installmentId: { in: ids } } });
  const invoices = await tx.installment.findMany({
    where: { id: { in: ids }, studioId },
    distinct: ["invoiceId"],
    select: { invoiceId: true },
  });
  // Settling again recomputes each invoice's next due date and overdue state from its installments.
  for (const { invoiceId } of invoices) await settleInvoice(tx, { studioId, invoiceId, now });
  return moved;
}
