import { notFound } from "next/navigation";
import { ContractText } from "@/components/contracts/contract-text";
import { formatDateTime } from "@/lib/calendar/zoned";
import { isSignedByClient, whyUnsignable } from "@/lib/contracts/document";
import { findContractForClient } from "@/lib/contracts/queries";
import { contractToken } from "@/lib/contracts/schemas";
import { readConfirmingMiss } from "@/lib/db";
import { SignForm } from "./sign-form";
import { RecordView } from "./viewed";

export const metadata = { title: "Your contract", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-3 text-sm text-slate-600">{children}</p>
    </div>
  );
}

export default async function ClientContractPage({ params }: Props) {
  const token = contractToken.safeParse((await params).token);
  if (!token.success) notFound();
  // The email can arrive before this replica has the send: confirm a miss on the primary.
  const contract = await readConfirmingMiss((db) => findContractForClient(db, { token: token.data }));
  if (!contract || contract.status === "DRAFT") notFound();
  const studioName = contract.studio.name;
  const tz = contract.studio.timeZone;
  const isSigned = isSignedByClient(contract.status);

  if (contract.status === "VOIDED") {
    return (
      <Notice title="This contract was voided">
        {studioName} withdrew this contract, so it can no longer be signed. If you expected to sign it, please contact
        them.
      </Notice>
    );
  }
  const refusal = isSigned ? null : whyUnsignable({ ...contract, studioName, timeZone: tz });
  if (refusal && contract.linkExpiresAt && contract.linkExpiresAt <= new Date()) {
    return <Notice title="This link has expired">{refusal}</Notice>;
  }

  return (
    <article className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-8">
      {contract.status === "SENT" ? <RecordView token={token.data} /> : null}
      <p className="text-sm font-medium text-brand-600">{studioName}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{contract.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        For {contract.job.contact.name} · {contract.job.title}
      </p>
      <div className="mt-6 border-t border-slate-100 pt-6">
        <ContractText html={contract.html ?? ""} label="Contract" />
      </div>
      <section aria-label="Signing" className="mt-8 border-t border-slate-100 pt-6">
        {isSigned ? (
          <div className="space-y-4">
            <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
              {contract.status === "COUNTERSIGNED"
                ? `Fully signed: you signed${contract.signedAt ? ` on ${formatDateTime(contract.signedAt, tz)}` : ""} and ${studioName} countersigned${contract.countersignedAt ? ` on ${formatDateTime(contract.countersignedAt, tz)}` : ""}. The signed copy is on its way to you by email.`
                : `Thank you! You signed this contract${contract.signedAt ? ` on ${formatDateTime(contract.signedAt, tz)}` : ""}. ${studioName} will countersign it, and you will both get the signed copy by email.`}
            </p>
            <a
              href={`/c/${token.data}/pdf`}
              download
              className="inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Download the signed PDF
            </a>
          </div>
        ) : refusal ? (
          <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-700">
            {refusal}
          </p>
        ) : (
          <>
            <h2 className="mb-4 text-lg font-semibold text-slate-900">Sign this contract</h2>
            <SignForm token={token.data} documentHash={contract.documentHash!} />
            {contract.linkExpiresAt ? (
              <p className="mt-4 text-xs text-slate-500">
                This link works until {formatDateTime(contract.linkExpiresAt, tz)}.
              </p>
            ) : null}
          </>
        )}
      </section>
    </article>
  );
}
