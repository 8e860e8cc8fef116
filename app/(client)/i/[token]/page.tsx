import { notFound } from "next/navigation";
import { InstallmentStatusBadge } from "@/components/pipeline/status-badge";
import { dayKeyOf, dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { dbForHost, readConfirmingMiss } from "@/lib/db";
import { findCheckoutState, findInvoiceForClient } from "@/lib/invoices/queries";
import { invoiceToken, PAYMENT_METHODS } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import { paymentProvider } from "@/lib/payments/configured-provider";
import { PayButtons } from "./pay-buttons";
import { RefreshWhilePending } from "./refresh-while-pending";

export const metadata = { title: "Your invoice", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ClientInvoicePage({ params, searchParams }: Props) {
  const token = invoiceToken.safeParse((await params).token);
  if (!token.success) notFound();
  const checkoutParam = (await searchParams).checkout;
  const checkoutId =
    typeof checkoutParam === "string" && /^[A-Za-z0-9_]{1,255}$/.test(checkoutParam) ? checkoutParam : null;
  // Back from paying, the payment was recorded by the provider's webhook a moment ago (someone
  // else's write): read from the primary. Otherwise a miss is confirmed on the primary, since
  // the email can arrive before this replica has the invoice.
  const primary = dbForHost("primary");
  const invoice = checkoutId
    ? await findInvoiceForClient(primary, { token: token.data })
    : await readConfirmingMiss((db) => findInvoiceForClient(db, { token: token.data }));
  if (!invoice) notFound();
  const checkout = checkoutId
    ? await findCheckoutState(primary, { studioId: invoice.studioId, invoiceId: invoice.id, sessionId: checkoutId })
    : null;

  const money = { currency: invoice.currency, locale: invoice.studio.locale };
  const show = (minor: number) => formatMoney(minor, money);
  const tz = invoice.studio.timeZone;
  const balance = invoice.totalMinor - invoice.paidMinor;
  const unpaid = invoice.installments.filter((i) => i.status !== "PAID");
  const next = unpaid[0];
  const isPayable = (invoice.status === "SENT" || invoice.status === "PARTIALLY_PAID") && balance > 0;
  const canPayByCard = isPayable && paymentProvider() !== null;

  return (
    <article className="space-y-6">
      <header className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-medium text-brand-600">{invoice.studio.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Invoice {invoice.number}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {invoice.title} · for {invoice.job.contact.name}
          {invoice.issuedOn ? ` · issued ${formatShortDayKey(dayKeyOfDateColumn(invoice.issuedOn))}` : ""}
        </p>
        <dl className="mt-4 grid grid-cols-3 gap-2 text-center">
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">Total</dt>
            <dd className="font-semibold text-slate-900" data-testid="client-total">
              {show(invoice.totalMinor)}
            </dd>
          </div>
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">Paid</dt>
            <dd className="font-semibold text-emerald-700" data-testid="client-paid">
              {show(invoice.paidMinor)}
            </dd>
          </div>
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">Balance</dt>
            <dd className="font-semibold text-slate-900" data-testid="client-balance">
              {show(Math.max(0, balance))}
            </dd>
          </div>
        </dl>
      </header>

      {checkout ? (
        checkout.status === "COMPLETED" ? (
          <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
            Thank you! Your payment of {show(checkout.amountMinor)} was received. A receipt is on its way to you by
            email.
          </p>
        ) : (
          <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800">
            Your payment is being confirmed. This page updates in a moment.
            <RefreshWhilePending />
          </p>
        )
      ) : null}

      {invoice.status === "VOID" ? (
        <p role="status" className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-700">
          {invoice.studio.name} cancelled this invoice. If you were sent a corrected one, please use its link.
        </p>
      ) : invoice.status === "PAID" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
          This invoice is paid in full. Thank you!
        </p>
      ) : null}

      {isPayable ? (
        <section aria-labelledby="pay-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="pay-heading" className="text-lg font-semibold text-slate-900">
            {next
              ? `Next payment: ${show(next.amountMinor - next.paidMinor)} due ${formatShortDayKey(dayKeyOfDateColumn(next.dueOn))}`
              : `Balance: ${show(balance)}`}
          </h2>
          <div className="mt-4">
            {canPayByCard ? (
              <PayButtons
                token={token.data}
                next={
                  next
                    ? {
                        id: next.id,
                        label: next.label,
                        amount: show(Math.min(next.amountMinor - next.paidMinor, balance)),
                      }
                    : null
                }
                balance={unpaid.length > 1 || !next ? show(balance) : null}
              />
            ) : (
              <div className="text-sm text-slate-700">
                <h3 className="font-medium text-slate-900">How to pay</h3>
                <p className="mt-1 whitespace-pre-line" data-testid="payment-instructions">
                  {invoice.studio.paymentInstructions ?? `Please contact ${invoice.studio.name} to arrange payment.`}
                </p>
              </div>
            )}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="schedule-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="schedule-heading" className="text-base font-semibold text-slate-900">
          Payment schedule
        </h2>
        <ul aria-label="Payment schedule" className="mt-3 divide-y divide-slate-100">
          {invoice.installments.map((i) => (
            <li key={i.id} className="flex items-center justify-between gap-3 py-3 text-sm">
              <span>
                <span className="block font-medium text-slate-900">{i.label}</span>
                <span className="text-slate-600">
                  {show(i.amountMinor)} · due {formatShortDayKey(dayKeyOfDateColumn(i.dueOn))}
                </span>
              </span>
              <InstallmentStatusBadge status={i.status} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="items-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="items-heading" className="text-base font-semibold text-slate-900">
          What it is for
        </h2>
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {invoice.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-3 py-2">
              <span>
                {line.quantity > 1 ? `${line.quantity} × ` : ""}
                {line.description}
              </span>
              <span>{show(line.quantity * line.unitPriceMinor)}</span>
            </li>
          ))}
          {invoice.discountMinor ? (
            <li className="flex justify-between gap-3 py-2 text-slate-600">
              <span>Discount</span>
              <span>−{show(invoice.discountMinor)}</span>
            </li>
          ) : null}
          {invoice.taxMinor ? (
            <li className="flex justify-between gap-3 py-2 text-slate-600">
              <span>Tax</span>
              <span>{show(invoice.taxMinor)}</span>
            </li>
          ) : null}
          <li className="flex justify-between gap-3 py-2 font-semibold">
            <span>Total</span>
            <span>{show(invoice.totalMinor)}</span>
          </li>
        </ul>
        {invoice.note ? <p className="mt-3 text-sm whitespace-pre-line text-slate-600">{invoice.note}</p> : null}
      </section>

      {invoice.payments.length > 0 ? (
        <section aria-labelledby="payments-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="payments-heading" className="text-base font-semibold text-slate-900">
            Payments
          </h2>
          <ul aria-label="Payments" className="mt-3 divide-y divide-slate-100 text-sm">
            {invoice.payments.map((p) => (
              <li key={p.id} className="flex justify-between gap-3 py-2">
                <span>
                  {formatShortDayKey(dayKeyOf(p.receivedAt, tz))} ·{" "}
                  {p.kind === "REFUND" ? "Refund" : PAYMENT_METHODS[p.method]}
                </span>
                <span>{p.kind === "REFUND" ? `−${show(p.amountMinor)}` : show(p.amountMinor)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
