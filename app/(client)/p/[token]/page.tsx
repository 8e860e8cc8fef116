import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/calendar/zoned";
import { readConfirmingMiss } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { linkToken } from "@/lib/tokens";
import { findProposalForClient, isProposalExpired, proposalTotal } from "@/lib/proposals/queries";
import { proposalToken } from "@/lib/proposals/schemas";
import { RespondForm } from "./respond-form";

export const metadata = { title: "Your proposal", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ClientProposalPage({ params }: Props) {
  const token = proposalToken.safeParse((await params).token);
  if (!token.success) notFound();
  // The email can arrive before this replica has the send: confirm a miss on the primary.
  const proposal = await readConfirmingMiss((db) => findProposalForClient(db, { token: token.data }));
  if (!proposal) notFound();
  if (proposal.status === "SENT" && isProposalExpired(proposal.expiresAt)) notFound();

  const tz = proposal.studio.timeZone;
  const total = proposalTotal(proposal.items);
  const money = { currency: proposal.studio.currency, locale: proposal.studio.locale };
  const show = (minor: number) => formatMoney(minor, money);
  return (
    <article className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-medium text-brand-600">{proposal.studio.name}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{proposal.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        For {proposal.job.contact.name} · {proposal.job.title}
      </p>

      <table className="mt-6 w-full text-sm">
        <caption className="sr-only">Line items</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th scope="col" className="py-2 font-medium">
              Item
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Qty
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Price
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {proposal.items.map((item) => (
            <tr key={item.id} className="border-b border-slate-100">
              <td className="py-2">{item.description}</td>
              <td className="py-2 text-right">{item.quantity}</td>
              <td className="py-2 text-right">{show(item.unitPriceCents)}</td>
              <td className="py-2 text-right">{show(item.quantity * item.unitPriceCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="pt-3 text-right font-semibold">
              Total
            </th>
            <td className="pt-3 text-right font-semibold" data-testid="proposal-total">
              {show(total)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="pt-1 text-right font-normal text-slate-600">
              Deposit due to book
            </th>
            <td className="pt-1 text-right text-slate-600" data-testid="proposal-deposit">
              {show(proposal.depositCents)}
            </td>
          </tr>
        </tfoot>
      </table>

      <div className="mt-8">
        {proposal.status === "SENT" ? (
          <>
            <p className="mb-4 text-sm text-slate-600">
              This proposal is valid until {formatDateTime(proposal.expiresAt, tz)}.
            </p>
            <RespondForm token={token.data} />
          </>
        ) : (
          <p
            role="status"
            className={`rounded-md px-4 py-3 text-sm ${proposal.status === "ACCEPTED" ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
          >
            {proposal.status === "ACCEPTED" ? "Thank you! You accepted this proposal" : "You declined this proposal"}
            {proposal.respondedAt ? ` on ${formatDateTime(proposal.respondedAt, tz)}` : ""}.{" "}
            {proposal.status !== "ACCEPTED"
              ? "Thank you for letting us know."
              : proposal.booking?.status === "AWAITING_RETAINER"
                ? "Your booking is confirmed once the retainer is paid."
                : `${proposal.studio.name} will review and confirm your booking shortly.`}
          </p>
        )}
        {proposal.status === "ACCEPTED" && proposal.invoices[0] ? (
          <p className="mt-4">
            <Link href={`/i/${linkToken("invoice", proposal.invoices[0].id)}`} className={buttonClass("primary")}>
              {proposal.booking?.status === "AWAITING_RETAINER" ? "Pay the retainer" : "See your invoice"}
            </Link>
          </p>
        ) : null}
      </div>
    </article>
  );
}
