import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/contracts/audit";
import { findContractDocument, verifyContractDocument } from "@/lib/contracts/queries";
import { contractPath } from "@/lib/urls";

export const metadata = { title: "Verify contract" };

type Props = { params: Promise<{ id: string; contractId: string }> };

/** Recomputes the document hash and the audit chain from the stored rows and says what it finds. */
export default async function VerifyContractPage({ params }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const { id, contractId } = await params;
  const document = await findContractDocument(db, { studioId: user.studioId, contractId: contractId.slice(0, 64) });
  if (!document || document.jobId !== id) notFound();
  const result = verifyContractDocument(document);
  const tz = studio.timeZone;
  return (
    <>
      <PageHeader title={`Verify: ${document.title}`}>
        <Link href={contractPath(document.jobId, document.id)} className={buttonClass("secondary")}>
          Back to the contract
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <div
          role="status"
          data-testid="verification"
          className={`rounded-lg px-4 py-3 text-sm font-medium ${result.isIntact ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {result.isIntact
            ? "Intact: the document and every audit entry are exactly as they were recorded."
            : `Tampered: ${result.problem}`}
        </div>
        <Card title="Document">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Recorded hash (SHA-256)</dt>
              <dd className="font-mono text-xs break-all text-slate-900">
                {result.document.storedHash ?? "Not sent yet"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Hash of the stored text, computed now</dt>
              <dd className="font-mono text-xs break-all text-slate-900">
                {result.document.computedHash ?? "No text yet"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Text</dt>
              <dd className={result.document.isIntact ? "text-emerald-700" : "text-red-700"}>
                {result.document.isIntact ? "Matches" : "Does not match"}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="Audit chain">
          <ol aria-label="Audit chain" className="divide-y divide-slate-100 text-sm">
            {result.entries.map((e) => (
              <li key={e.seq} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <span>
                  <span className="font-medium text-slate-900">
                    {e.seq}. {AUDIT_ACTION_LABELS[e.action as AuditAction] ?? e.action}
                  </span>
                  <span className="text-slate-600">
                    {" "}
                    · {e.actor} · {formatDateTime(e.at, tz)}
                  </span>
                  {e.problem ? <span className="block text-red-700">{e.problem}</span> : null}
                </span>
                <span className={e.isIntact ? "text-emerald-700" : "font-medium text-red-700"}>
                  {e.isIntact ? "Intact" : "Tampered"}
                </span>
              </li>
            ))}
          </ol>
        </Card>
        {result.signatures.length > 0 ? (
          <Card title="Signatures">
            <ul aria-label="Signature checks" className="space-y-1 text-sm">
              {result.signatures.map((s) => (
                <li key={s.role}>
                  {s.role === "CLIENT" ? "Client" : "Studio"}: {s.name} —{" "}
                  <span className={s.isIntact ? "text-emerald-700" : "font-medium text-red-700"}>
                    {s.isIntact ? "as recorded" : "differs from the record"}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
