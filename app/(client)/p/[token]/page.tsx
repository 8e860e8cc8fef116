import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { ContractText } from "@/components/contracts/contract-text";
import { formatDateTime } from "@/lib/calendar/zoned";
import { isSignedByClient, whyUnsignable } from "@/lib/contracts/document";
import { findContractForProposal } from "@/lib/contracts/queries";
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
  // The contract is read from the host the proposal came from, so the two always agree.
  const found = await readConfirmingMiss(async (db) => {
    const proposal = await findProposalForClient(db, { token: token.data });
    if (!proposal) return null;
    return {
      proposal,
      contract: await findContractForProposal(db, { studioId: proposal.studioId, proposalId: proposal.id }),
    };
  });
  if (!found) notFound();
  const { proposal, contract } = found;
  if (proposal.status === "SENT" && isProposalExpired(proposal.expiresAt)) notFound();

  const tz = proposal.studio.timeZone;
  const total = proposalTotal(proposal.items);
  const money = { currency: proposal.studio.currency, locale: proposal.studio.locale };
  const show = (minor: number) => formatMoney(minor, money);
  const contractRefusal =
    contract && proposal.status === "SENT"
      ? whyUnsignable({ ...contract, studioName: proposal.studio.name, timeZone: tz })
      : null;
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

      {contract ? (
        <section aria-label="Contract" className="mt-8 border-t border-slate-100 pt-6">
          <h2 className="text-lg font-semibold text-slate-900">{contract.title}</h2>
          <p className="mb-4 text-sm text-slate-600">Accepting this proposal signs this contract.</p>
          <ContractText html={contract.html ?? ""} label="Contract" />
          {isSignedByClient(contract.status) ? (
            <a
              href={`/p/${token.data}/contract`}
              download
              className="mt-4 inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Download the signed contract (PDF)
            </a>
          ) : null}
        </section>
      ) : null}

      <div className="mt-8">
        {proposal.status === "SENT" && contractRefusal ? (
          <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-700">
            {contractRefusal}
          </p>
        ) : proposal.status === "SENT" ? (
          <>
            <p className="mb-4 text-sm text-slate-600">
              This proposal is valid until {formatDateTime(proposal.expiresAt, tz)}.
            </p>
            <RespondForm
              token={token.data}
              contract={contract?.documentHash ? { documentHash: contract.documentHash } : undefined}
            />
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
