import { randomUUID } from "node:crypto";
import { dayKeyOf, formatShortDayKey, startOfDay } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { queueEmail } from "@/lib/email/outbox";
import { settleInvoice } from "@/lib/invoices/mutations";
import { type RecordPaymentInput } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/mutations";
import { queueWebhookEvent } from "@/lib/webhooks/outbox";
import { ProviderUnavailableError, type PaymentProvider, type ProviderEvent } from "@/lib/payments/provider";
import { requireStudioMoney } from "@/lib/studios/mutations";
import { findLink } from "@/lib/link-directory";
import { invoiceUrl } from "@/lib/urls";
import { type PaymentKind } from "@/prisma/generated/prisma/client";
import { currentRequestLogger } from "@/lib/log/request";

type Tenant = { studioId: string };

type Recorded = { id: string; invoiceId: string; kind: PaymentKind; amountMinor: number };

/**
 * What follows every recorded payment or refund, in its transaction: the invoice settles, a
 * retainer that confirms a booking confirms it, the client gets a receipt, and (for money the
 * photographer did not record themselves) What's New says so.
 */
async function afterPayment(
  tx: Tx,
  { studioId, payment, now, isNews }: Tenant & { payment: Recorded; now: Date; isNews: boolean },
) {
  const settlement = await settleInvoice(tx, { studioId, invoiceId: payment.invoiceId, now });
  if (payment.kind === "PAYMENT")
    await queueWebhookEvent(tx, {
      studioId,
      type: "payment.received",
      data: async () => {
        const row = await tx.payment.findFirstOrThrow({
          where: { id: payment.id, studioId },
          select: {
            id: true,
            amountMinor: true,
            currency: true,
            method: true,
            receivedAt: true,
            invoice: {
              select: { id: true, jobId: true, number: true, status: true, paidMinor: true, totalMinor: true },
            },
          },
        });
        return { ...row, receivedAt: row.receivedAt.toISOString() };
      },
    });
  const studio = await requireStudioMoney(tx, { studioId });
  const invoice = await tx.invoice.findFirstOrThrow({
    where: { id: payment.invoiceId, studioId },
    select: {
      number: true,
      title: true,
      currency: true,
      proposalId: true,
      job: { select: { id: true, title: true, contact: { select: { name: true, email: true } } } },
    },
  });
  const money = { currency: invoice.currency, locale: studio.locale };
  const amount = formatMoney(payment.amountMinor, money);
  const client = invoice.job.contact;

  if (payment.kind === "PAYMENT" && settlement.isFirstPaid && invoice.proposalId) {
    const { count } = await tx.booking.updateMany({
      where: { proposalId: invoice.proposalId, studioId, status: "AWAITING_RETAINER" },
      data: { status: "CONFIRMED", confirmedAt: now },
    });
    if (count > 0) {
      await tx.job.updateMany({ where: { id: invoice.job.id, studioId }, data: { status: "BOOKED" } });
      await notify(tx, {
        studioId,
        kind: "booking.confirmed",
        message: `${client.name} paid the retainer: ${invoice.job.title} is booked`,
        link: `/jobs/${invoice.job.id}`,
      });
    }
  }
  if (isNews) {
    await notify(tx, {
      studioId,
      kind: payment.kind === "PAYMENT" ? "payment.received" : "payment.refunded",
      message:
        payment.kind === "PAYMENT"
          ? `${client.name} paid ${amount} on ${invoice.job.title}`
          : `${client.name} was refunded ${amount} on ${invoice.job.title}`,
      link: `/invoices/${payment.invoiceId}`,
    });
  }
  if (client.email)
    await queueEmail(tx, { studioId, kind: "payment.receipt", to: client.email, params: { paymentId: payment.id } });
  return settlement;
}

/** A payment or refund the photographer received or made outside ShootQ (check, cash, transfer). */
export async function recordPayment(
  tx: Tx,
  { studioId, userId, input, now = new Date() }: Tenant & { userId: string; input: RecordPaymentInput; now?: Date },
) {
  const invoice = await tx.invoice.findFirst({
    where: { id: input.invoiceId, studioId },
    select: { id: true, jobId: true, status: true, currency: true, totalMinor: true, paidMinor: true },
  });
  if (!invoice) throw notFound("That invoice");
  const studio = await requireStudioMoney(tx, { studioId });
  if (input.money.currency !== invoice.currency || input.money.locale !== studio.locale) {
    throw new AppError(
      "VALIDATION",
      "Your studio's currency settings changed while this form was open. Reload the page and enter the amount again.",
    );
  }
  if (invoice.status === "DRAFT") throw new AppError("CONFLICT", "Send this invoice before recording payments on it.");
  if (invoice.status === "VOID")
    throw new AppError("CONFLICT", "This invoice is void: record the payment on the invoice that replaced it.");
  const money = { currency: invoice.currency, locale: studio.locale };
  const field = (message: string) => new AppError("VALIDATION", message, { amount: [message] });
  if (input.kind === "PAYMENT") {
    const balance = invoice.totalMinor - invoice.paidMinor;
    if (balance <= 0) throw field("This invoice is paid in full.");
    if (input.amountMinor > balance) throw field(`The balance is ${formatMoney(balance, money)}: enter at most that.`);
  } else if (input.amountMinor > invoice.paidMinor) {
    throw field(
      invoice.paidMinor > 0
        ? `Only ${formatMoney(invoice.paidMinor, money)} was paid: refund at most that.`
        : "Nothing was paid on this invoice yet.",
    );
  }
  const today = dayKeyOf(now, studio.timeZone);
  if (input.receivedOn > today)
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      receivedOn: ["Choose today or an earlier date."],
    });
  // Received "today" is now; an earlier day is that day's start in the studio's zone.
  const receivedAt = input.receivedOn === today ? now : startOfDay(input.receivedOn, studio.timeZone);
  const { id } = await tx.payment.create({
    data: {
      studioId,
      invoiceId: invoice.id,
      kind: input.kind,
      method: input.method,
      amountMinor: input.amountMinor,
      currency: invoice.currency,
      receivedAt,
      reference: input.reference,
      note: input.note,
      recordedById: userId,
    },
    select: { id: true },
  });
  await afterPayment(tx, {
    studioId,
    payment: { id, invoiceId: invoice.id, kind: input.kind, amountMinor: input.amountMinor },
    now,
    isNews: false,
  });
  return {
    invoiceId: invoice.id,
    jobId: invoice.jobId,
    message: `${input.kind === "PAYMENT" ? "Payment" : "Refund"} of ${formatMoney(input.amountMinor, money)} on ${formatShortDayKey(input.receivedOn)} recorded. A receipt is on its way to the client.`,
  };
}

/** An invoice as its client opens it by link: the token is the only key a client has. */
async function invoiceForToken(tx: Tx, token: string) {
  const link = await findLink(tx, token);
  const invoice =
    link &&
    (await tx.invoice.findUnique({
      where: { studioId_tokenHash: link },
      select: {
        id: true,
        studioId: true,
        number: true,
        title: true,
        status: true,
        currency: true,
        totalMinor: true,
        paidMinor: true,
        job: { select: { contact: { select: { email: true } } } },
      },
    }));
  if (!invoice || invoice.status === "DRAFT") throw notFound("That invoice");
  // The next installment to pay: installments are paid in order.
  const next = await tx.installment.findFirst({
    where: { studioId: invoice.studioId, invoiceId: invoice.id, status: { not: "PAID" } },
    orderBy: [{ dueOn: "asc" }, { position: "asc" }],
    select: { id: true, label: true, amountMinor: true, paidMinor: true },
  });
  return { ...invoice, next };
}

/**
 * The client starts paying by card: the next installment (or, without one, the whole balance)
 * goes to the provider's payment page. Installments are paid in order, as payments cover them.
 */
export async function startCheckout(
  tx: Tx,
  {
    token,
    installmentId,
    origin,
    provider,
  }: { token: string; installmentId?: string; origin: string; provider: PaymentProvider },
) {
  const invoice = await invoiceForToken(tx, token);
  if (invoice.status === "VOID")
    throw new AppError("CONFLICT", "This invoice was cancelled by the studio. Please contact them.");
  const balance = invoice.totalMinor - invoice.paidMinor;
  if (balance <= 0) throw new AppError("CONFLICT", "This invoice is already paid in full. Thank you!");
  const next = invoice.next;
  if (installmentId && next?.id !== installmentId)
    throw new AppError("CONFLICT", "That payment was already made or is not the next one due. Please reload the page.");
  const amountMinor = installmentId && next ? Math.min(next.amountMinor - next.paidMinor, balance) : balance;
  const reference = randomUUID();
  let checkout;
  try {
    checkout = await provider.createCheckout({
      reference,
      amountMinor,
      currency: invoice.currency,
      description: `${installmentId && next ? next.label : "Balance"} · invoice ${invoice.number} · ${invoice.title}`,
      customerEmail: invoice.job.contact.email,
      successUrl: `${invoiceUrl(origin, token)}?checkout={CHECKOUT_SESSION_ID}`,
      cancelUrl: invoiceUrl(origin, token),
      metadata: { invoiceId: invoice.id, studioId: invoice.studioId, reference },
    });
  } catch (error) {
    if (error instanceof ProviderUnavailableError) {
      (await currentRequestLogger()).error({ invoiceId: invoice.id, error: error.message }, "checkout failed");
      throw new AppError(
        "CONFLICT",
        "Card payments are not answering right now. Nothing was charged; please try again in a minute.",
      );
    }
    throw error;
  }
  await tx.paymentCheckout.create({
    data: {
      studioId: invoice.studioId,
      invoiceId: invoice.id,
      installmentId: installmentId && next ? next.id : null,
      provider: provider.name,
      providerSessionId: checkout.sessionId,
      amountMinor,
      currency: invoice.currency,
      url: checkout.url,
    },
    select: { id: true },
  });
  return { url: checkout.url };
}

export type WebhookOutcome = {
  outcome: "recorded" | "duplicate" | "expired" | "ignored" | "unknown";
  studioId?: string;
  invoiceId?: string;
  jobId?: string;
};

/**
 * A verified provider event, applied exactly once however often and in whatever order it comes:
 * a payment is keyed by the provider's payment id (a second delivery inserts nothing), and a
 * checkout only moves forward (an "expired" arriving after "paid" changes nothing).
 */
export async function applyProviderEvent(
  tx: Tx,
  { event, now = new Date() }: { event: ProviderEvent; now?: Date },
): Promise<WebhookOutcome> {
  if (event.kind === "ignored") return { outcome: "ignored" };
  // Not a checkout ShootQ started (another integration on the same account): nothing to do.
  if (!event.studioId) return { outcome: "unknown" };
  const checkout = await tx.paymentCheckout.findUnique({
    where: { studioId_providerSessionId: { studioId: event.studioId, providerSessionId: event.sessionId } },
    select: {
      id: true,
      studioId: true,
      invoiceId: true,
      currency: true,
      invoice: { select: { jobId: true, status: true } },
    },
  });
  if (!checkout) return { outcome: "unknown" };
  const ids = { studioId: checkout.studioId, invoiceId: checkout.invoiceId, jobId: checkout.invoice.jobId };
  if (event.kind === "checkout.expired") {
    await tx.paymentCheckout.updateMany({
      where: { id: checkout.id, studioId: checkout.studioId, status: "OPEN" },
      data: { status: "EXPIRED" },
    });
    return { outcome: "expired", ...ids };
  }
  const { count } = await tx.payment.createMany({
    data: [
      {
        studioId: checkout.studioId,
        invoiceId: checkout.invoiceId,
        method: "CARD",
        amountMinor: event.amountMinor,
        currency: event.currency || checkout.currency,
        receivedAt: event.paidAt,
        reference: event.sessionId,
        providerPaymentId: event.paymentId,
      },
    ],
    skipDuplicates: true,
  });
  await tx.paymentCheckout.updateMany({
    where: { id: checkout.id, studioId: checkout.studioId, status: { not: "COMPLETED" } },
    data: { status: "COMPLETED", completedAt: now },
  });
  if (count === 0) return { outcome: "duplicate", ...ids };
  const { id } = await tx.payment.findUniqueOrThrow({
    where: { studioId_providerPaymentId: { studioId: checkout.studioId, providerPaymentId: event.paymentId } },
    select: { id: true },
  });
  await afterPayment(tx, {
    studioId: checkout.studioId,
    payment: { id, invoiceId: checkout.invoiceId, kind: "PAYMENT", amountMinor: event.amountMinor },
    now,
    isNews: true,
  });
  if (checkout.invoice.status === "VOID") {
    // Money arrived for an invoice voided meanwhile: it is kept on record, and the studio must act.
    await notify(tx, {
      studioId: checkout.studioId,
      kind: "payment.on-void",
      message: "A card payment arrived for a void invoice: refund it to the client",
      link: `/invoices/${checkout.invoiceId}`,
    });
  }
  return { outcome: "recorded", ...ids };
}
