import Link from "next/link";
import { notFound } from "next/navigation";
import { ContractText } from "@/components/contracts/contract-text";
import { ContractStatusBadge } from "@/components/pipeline/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/contracts/audit";
import { readCustomValues, renderContractDraft } from "@/lib/contracts/document";
import { findContract } from "@/lib/contracts/queries";
import { TemplateError, type RenderedTemplate } from "@/lib/templates/engine";
import { contractPath } from "@/lib/urls";
import { resendContractAction, sendContractAction, voidContractAction } from "../actions";
import { ContractDraftForm } from "../_components/contract-draft-form";
import { CountersignForm } from "../_components/countersign-form";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata = { title: "Contract" };

type Props = { params: Promise<{ id: string; contractId: string }> };

const ROLE_LABELS = { CLIENT: "Client", STUDIO: "Studio" } as const;

function DraftPreview({ preview }: { preview: RenderedTemplate | TemplateError }) {
  if (preview instanceof TemplateError) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
        {preview.message}
      </p>
    );
  }
  return (
    <>
      {preview.missing.length > 0 ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Before sending: {preview.missing.map((m) => m.label).join(", ")}{" "}
          {preview.missing.length === 1 ? "has" : "have"} no value yet (shown in brackets).
        </p>
      ) : null}
      <ContractText html={preview.html} label="Preview" />
    </>
  );
}

export default async function ContractPage({ params }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const { id, contractId } = await params;
  const contract = await findContract(db, {
    studioId: user.studioId,
    jobId: id.slice(0, 64),
    contractId: contractId.slice(0, 64),
  });
  if (!contract) notFound();
  const tz = studio.timeZone;
  const path = contractPath(contract.jobId, contract.id);
  const isDraft = contract.status === "DRAFT";
  const canResend = (contract.status === "SENT" || contract.status === "VIEWED") && Boolean(contract.tokenHash);
  const canVoid = contract.status !== "VOIDED" && contract.status !== "COUNTERSIGNED";
  const when = (label: string, at: Date | null) => (at ? `${label} ${formatDateTime(at, tz)}` : null);
  // A template that no longer validates (e.g. written before a field was renamed) shows why, not a blank.
  const preview = isDraft
    ? await renderContractDraft(db, contract).catch((error: unknown) => {
        if (error instanceof TemplateError) return error;
        throw error;
      })
    : null;

  return (
    <>
      <PageHeader title={contract.title}>
        <span data-testid="contract-status">
          <ContractStatusBadge status={contract.status} />
        </span>
        <Link href={`/jobs/${contract.jobId}`} className={buttonClass("secondary")}>
          Back to {contract.job.title}
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {isDraft ? (
            <>
              <Card title="Preview with this job's details">{preview ? <DraftPreview preview={preview} /> : null}</Card>
              <Card title="Edit this copy">
                <p className="mb-4 text-sm text-slate-500">
                  Changes here apply to this contract only, not to the template.
                </p>
                <ContractDraftForm
                  contractId={contract.id}
                  title={contract.title}
                  body={contract.body}
                  customValues={readCustomValues(contract.customValues)}
                  proposalId={contract.proposalId}
                  proposals={contract.job.proposals}
                />
              </Card>
            </>
          ) : (
            <Card title="Contract as sent">
              <ContractText html={contract.html ?? ""} label="Contract" />
              <p className="mt-6 border-t border-slate-100 pt-3 text-xs break-all text-slate-500">
                Document hash (SHA-256): <span data-testid="document-hash">{contract.documentHash}</span>
              </p>
            </Card>
          )}

          <Card
            title="Audit trail"
            action={
              !isDraft ? (
                <Link href={`${path}/verify`} className={buttonClass("secondary")}>
                  Verify
                </Link>
              ) : null
            }
          >
            <ol aria-label="Audit trail" className="divide-y divide-slate-100 text-sm">
              {contract.auditEntries.map((e) => (
                <li key={e.seq} className="py-2">
                  <span className="font-medium text-slate-900">
                    {AUDIT_ACTION_LABELS[e.action as AuditAction] ?? e.action}
                  </span>
                  <span className="text-slate-600"> · {e.actor}</span>
                  <span className="text-slate-500">
                    {" "}
                    · {formatDateTime(e.at, tz)}
                    {e.ipAddress ? ` · from ${e.ipAddress}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <div className="space-y-6">
          <Card title="Status">
            <ul className="space-y-1 text-sm text-slate-700">
              <li>
                For {contract.job.contact.name}
                {contract.job.contact.email ? (
                  <>
                    {" ("}
                    <EmailAddress address={contract.job.contact.email} />)
                  </>
                ) : null}
              </li>
              {contract.templateVersion ? (
                <li>
                  From{" "}
                  <Link
                    href={`/contracts/${contract.templateVersion.template.id}`}
                    className="text-brand-600 underline"
                  >
                    {contract.templateVersion.template.name}
                  </Link>
                  , version {contract.templateVersion.number}
                </li>
              ) : null}
              {contract.proposal ? <li>Goes out with the proposal “{contract.proposal.title}”</li> : null}
              {[
                when("Sent", contract.sentAt),
                when("Viewed", contract.viewedAt),
                when("Signed by the client", contract.signedAt),
                when("Countersigned", contract.countersignedAt),
                when("Voided", contract.voidedAt),
              ]
                .filter(Boolean)
                .map((line) => (
                  <li key={line}>{line}</li>
                ))}
              {canResend && contract.linkExpiresAt ? (
                <li>The client&apos;s link works until {formatDateTime(contract.linkExpiresAt, tz)}</li>
              ) : null}
            </ul>
            <div className="mt-4 flex flex-wrap gap-2">
              {isDraft && !contract.proposal ? (
                <ActionButton
                  action={sendContractAction}
                  fields={{ contractId: contract.id }}
                  label="Send to client"
                  pendingLabel="Sending…"
                  variant="primary"
                />
              ) : null}
              {canResend ? (
                <ActionButton
                  action={resendContractAction}
                  fields={{ contractId: contract.id }}
                  label="Re-send"
                  pendingLabel="Sending…"
                />
              ) : null}
              {!isDraft ? (
                <a href={`${path}/pdf`} className={buttonClass("secondary")} download>
                  Download PDF
                </a>
              ) : null}
              {canVoid ? (
                <ActionButton
                  action={voidContractAction}
                  fields={{ contractId: contract.id }}
                  label={isDraft ? "Discard draft" : "Void"}
                  variant="danger"
                  confirm="Void this contract? Its link will say it was voided."
                />
              ) : null}
            </div>
            {isDraft && contract.proposal ? (
              <p className="mt-3 text-sm text-slate-600">
                It is sent when you send the proposal “{contract.proposal.title}” from the job page.
              </p>
            ) : null}
          </Card>

          {contract.status === "SIGNED" ? (
            <Card title="Countersign">
              <p className="mb-3 text-sm text-slate-600">
                {contract.job.contact.name} has signed. Countersign to complete the contract; both of you then get the
                signed PDF by email.
              </p>
              <CountersignForm contractId={contract.id} name={user.name} />
            </Card>
          ) : null}

          <Card title="Signatures">
            {contract.signatures.length === 0 ? (
              <p className="text-sm text-slate-500">Nobody has signed yet.</p>
            ) : (
              <ul aria-label="Signatures" className="space-y-3 text-sm">
                {contract.signatures.map((s) => (
                  <li key={s.id}>
                    <p className="font-medium text-slate-900">
                      {ROLE_LABELS[s.role]}: {s.name}
                    </p>
                    <p className="text-slate-600">{formatDateTime(s.signedAt, tz)}</p>
                    <p className="text-xs break-all text-slate-500">
                      {s.ipAddress} · {s.userAgent}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
