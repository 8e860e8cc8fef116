import Link from "next/link";
import { notFound } from "next/navigation";
import { InstallmentStatusBadge, InvoiceStatusBadge } from "@/components/pipeline/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { dayKeyOf, dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { findInvoice } from "@/lib/invoices/queries";
import { PAYMENT_METHODS } from "@/lib/invoices/schemas";
import { computeTotals, formatMoney, formatPercent } from "@/lib/money";
import { linkToken } from "@/lib/tokens";
import { invoiceUrl, publicOrigin } from "@/lib/urls";
import { sendInvoiceAction, voidInvoiceAction } from "../actions";
import { RecordPaymentForm } from "../_components/record-payment-form";

type Props = { params: Promise<{ id: string }> };

export const metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const invoice = await findInvoice(db, { studioId: user.studioId, invoiceId: (await params).id.slice(0, 64) });
  if (!invoice) notFound();
  const money = { currency: invoice.currency, locale: studio.locale };
  const show = (minor: number) => formatMoney(minor, money);
  const totals = computeTotals(invoice.lines, { discountMinor: invoice.discountMinor });
  const balance = invoice.totalMinor - invoice.paidMinor;
  const next = invoice.installments.find((i) => i.status !== "PAID");
  const todayKey = dayKeyOf(new Date(), studio.timeZone);
  const clientLink =
    invoice.status !== "DRAFT" ? invoiceUrl(await publicOrigin(), linkToken("invoice", invoice.id)) : null;
  return (
    <>
      <PageHeader title={`Invoice ${invoice.number}`}>
        <span data-testid="invoice-status">
          <InvoiceStatusBadge
            status={invoice.status}
            isOverdue={invoice.installments.some((i) => i.status === "OVERDUE")}
          />
        </span>
        {invoice.status === "DRAFT" ? (
          <>
            <Link href={`/invoices/${invoice.id}/edit`} className={buttonClass("secondary")}>
              Edit draft
            </Link>
            <ActionButton
              action={sendInvoiceAction}
              fields={{ invoiceId: invoice.id }}
              label="Send to client"
              pendingLabel="Sending…"
              variant="primary"
            />
          </>
        ) : null}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={invoice.title}>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Invoice lines</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-500">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Item
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Qty
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Price
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Tax
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {invoice.lines.map((line, i) => (
                    <tr key={line.id} className="border-b border-slate-100">
                      <td className="py-2 pr-3">{line.description}</td>
                      <td className="py-2 pr-3 text-right">{line.quantity}</td>
                      <td className="py-2 pr-3 text-right">{show(line.unitPriceMinor)}</td>
                      <td className="py-2 pr-3 text-right">
                        {line.taxRateBps ? `${formatPercent(line.taxRateBps, money)}%` : "—"}
                      </td>
                      <td className="py-2 text-right">{show(totals.lines[i].subtotalMinor)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="text-slate-700">
                  <tr>
                    <th scope="row" colSpan={4} className="pt-3 text-right font-normal">
                      Subtotal
                    </th>
                    <td className="pt-3 text-right">{show(invoice.subtotalMinor)}</td>
                  </tr>
                  {invoice.discountMinor ? (
                    <tr>
                      <th scope="row" colSpan={4} className="text-right font-normal">
                        Discount
                      </th>
                      <td className="text-right">−{show(invoice.discountMinor)}</td>
                    </tr>
                  ) : null}
                  {invoice.taxMinor ? (
                    <tr>
                      <th scope="row" colSpan={4} className="text-right font-normal">
                        Tax
                      </th>
                      <td className="text-right">{show(invoice.taxMinor)}</td>
                    </tr>
                  ) : null}
                  <tr>
                    <th scope="row" colSpan={4} className="text-right font-semibold">
                      Total
                    </th>
                    <td className="text-right font-semibold" data-testid="invoice-total">
                      {show(invoice.totalMinor)}
                    </td>
                  </tr>
                  <tr>
                    <th scope="row" colSpan={4} className="text-right font-normal">
                      Paid
                    </th>
                    <td className="text-right" data-testid="invoice-paid">
                      {show(invoice.paidMinor)}
                    </td>
                  </tr>
                  <tr>
                    <th scope="row" colSpan={4} className="text-right font-semibold">
                      Balance
                    </th>
                    <td className="text-right font-semibold" data-testid="invoice-balance">
                      {show(balance)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
            {invoice.note ? <p className="mt-4 text-sm whitespace-pre-line text-slate-600">{invoice.note}</p> : null}
          </Card>

          <Card title="Payment schedule">
            <ul aria-label="Payment schedule" className="divide-y divide-slate-100">
              {invoice.installments.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{i.label}</span> · {show(i.amountMinor)} due{" "}
                    {formatShortDayKey(dayKeyOfDateColumn(i.dueOn))}
                    {i.paidMinor > 0 && i.paidMinor < i.amountMinor ? ` · ${show(i.paidMinor)} paid` : ""}
                  </span>
                  <InstallmentStatusBadge status={i.status} />
                </li>
              ))}
            </ul>
          </Card>

          <Card title="Payments">
            {invoice.payments.length === 0 ? (
              <EmptyState>No payments yet.</EmptyState>
            ) : (
              <ul aria-label="Payments" className="divide-y divide-slate-100">
                {invoice.payments.map((p) => (
                  <li key={p.id} className="py-2 text-sm">
                    <p className="font-medium text-slate-900">
                      {p.kind === "REFUND" ? `Refund of ${show(p.amountMinor)}` : `${show(p.amountMinor)} received`} ·{" "}
                      {PAYMENT_METHODS[p.method]}
                      {p.reference ? ` ${p.reference}` : ""}
                    </p>
                    <p className="text-slate-500">
                      {formatShortDayKey(dayKeyOf(p.receivedAt, studio.timeZone))}
                      {p.recordedBy ? ` · recorded by ${p.recordedBy.name}` : " · paid online"}
                      {p.note ? ` · ${p.note}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {invoice.status !== "DRAFT" && invoice.status !== "VOID" ? (
              <section aria-label="Record a payment" className="mt-4 rounded-md border border-slate-200 p-4">
                <h3 className="mb-3 text-sm font-medium text-slate-800">Record a payment or refund</h3>
                <RecordPaymentForm
                  invoiceId={invoice.id}
                  money={money}
                  suggestedMinor={next ? next.amountMinor - next.paidMinor : 0}
                  todayKey={todayKey}
                />
              </section>
            ) : null}
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="Details">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">Job</dt>
                <dd>
                  <Link href={`/jobs/${invoice.job.id}`} className="text-brand-600 hover:underline">
                    {invoice.job.title}
                  </Link>
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Client</dt>
                <dd className="text-slate-900">{invoice.job.contact.name}</dd>
              </div>
              {invoice.proposal ? (
                <div>
                  <dt className="text-slate-500">From proposal</dt>
                  <dd className="text-slate-900">{invoice.proposal.title}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-500">Issued</dt>
                <dd className="text-slate-900">
                  {invoice.issuedOn ? formatShortDayKey(dayKeyOfDateColumn(invoice.issuedOn)) : "Not sent yet"}
                </dd>
              </div>
              {invoice.reissuedFrom ? (
                <div>
                  <dt className="text-slate-500">Corrects</dt>
                  <dd>
                    <Link href={`/invoices/${invoice.reissuedFrom.id}`} className="text-brand-600 hover:underline">
                      Invoice {invoice.reissuedFrom.number}
                    </Link>
                  </dd>
                </div>
              ) : null}
              {invoice.reissuedAs ? (
                <div>
                  <dt className="text-slate-500">Replaced by</dt>
                  <dd>
                    <Link href={`/invoices/${invoice.reissuedAs.id}`} className="text-brand-600 hover:underline">
                      Invoice {invoice.reissuedAs.number}
                    </Link>
                  </dd>
                </div>
              ) : null}
              {clientLink && invoice.status !== "VOID" ? (
                <div>
                  <dt className="text-slate-500">Client link</dt>
                  <dd>
                    <a href={clientLink} className="break-all text-brand-600 hover:underline" data-testid="client-link">
                      {clientLink}
                    </a>
                  </dd>
                </div>
              ) : null}
            </dl>
          </Card>
          {invoice.status !== "VOID" ? (
            <Card title="Corrections">
              <p className="mb-3 text-sm text-slate-600">
                {invoice.status === "DRAFT"
                  ? "A draft can be edited freely."
                  : "A sent invoice cannot change. Void it, and issue a corrected copy: payments received move to the copy."}
              </p>
              <div className="flex flex-wrap gap-2">
                {invoice.status !== "DRAFT" ? (
                  <ActionButton
                    action={voidInvoiceAction}
                    fields={{ invoiceId: invoice.id, reissue: "on" }}
                    label="Void and reissue"
                    confirm={`Void invoice ${invoice.number} and start a corrected copy?`}
                  />
                ) : null}
                {invoice.paidMinor === 0 ? (
                  <ActionButton
                    action={voidInvoiceAction}
                    fields={{ invoiceId: invoice.id }}
                    label="Void"
                    variant="danger"
                    confirm={`Void invoice ${invoice.number}? The client can no longer pay it.`}
                  />
                ) : null}
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
