import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { ActionButton } from "@/components/ui/action-button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/calendar/zoned";
import { FIELDS_OF, IMPORT_FIELDS, IMPORT_KIND_LABELS } from "@/lib/imports/fields";
import { findImport, type ImportDetail } from "@/lib/imports/queries";
import { IMPORT_STATUS_LABELS, summarizeImport } from "@/lib/imports/summary";
import { countOf } from "@/lib/words";
import { dryRunImportAction, startImportAction, undoImportAction } from "../actions";
import { AutoRefresh } from "../_components/auto-refresh";
import { MappingForm } from "../_components/mapping-form";

export const metadata = { title: "Import" };

type Props = { params: Promise<{ id: string }> };

function SkipList({ skips, total }: { skips: { row: number; reason: string }[]; total: number }) {
  if (skips.length === 0) return null;
  return (
    <>
      <ul aria-label="Skipped rows" className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
        {skips.map((s, i) => (
          <li key={i}>{s.reason}</li>
        ))}
      </ul>
      {total > skips.length ? (
        <p className="mt-1 text-xs text-slate-500">and {countOf(total - skips.length, "more row", "more rows")}.</p>
      ) : null}
    </>
  );
}

function Progress({ found }: { found: ImportDetail }) {
  const label = found.status === "CHECKING" ? "Dry run progress" : "Import progress";
  return (
    <Card title={IMPORT_STATUS_LABELS[found.status]}>
      <AutoRefresh />
      <progress
        aria-label={label}
        value={found.processedRows}
        max={found.rowCount}
        className="h-3 w-full overflow-hidden rounded"
      />
      <p className="mt-2 text-sm text-slate-600" role="status">
        {found.processedRows.toLocaleString("en-US")} of {countOf(found.rowCount, "row", "rows")} (
        {Math.floor((100 * found.processedRows) / Math.max(found.rowCount, 1))}%). You can leave this page: the import
        carries on.
      </p>
    </Card>
  );
}

export default async function ImportPage({ params }: Props) {
  const { id } = await params;
  const { user, db, studio } = await requireStudioContext();
  const found = await findImport(db, { studioId: user.studioId, importId: id });
  if (!found) notFound();
  const labels = IMPORT_KIND_LABELS[found.kind];
  const tally = {
    created: found.createdCount,
    matched: found.matchedCount,
    skipped: found.skippedCount,
    skips: found.skips,
  };
  const isDryRunCurrent = found.dryRun && found.dryRun.mapping.join("\u0000") === found.mapping.join("\u0000");
  return (
    <>
      <PageHeader title={`Import of ${found.fileName}`}>
        <Link href={`/imports?kind=${found.kind.toLowerCase()}`} className={buttonClass("secondary")}>
          All imports
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <p className="text-sm text-slate-600">
          {labels.plural[0].toUpperCase() + labels.plural.slice(1)} · {countOf(found.rowCount, "row", "rows")} ·
          uploaded {formatDateTime(found.createdAt, studio.timeZone)} · {IMPORT_STATUS_LABELS[found.status]}
        </p>
        {found.error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {found.error}
          </p>
        ) : null}
        {found.status === "READY" ? (
          <Card title="Match the columns">
            <p className="mb-3 text-sm text-slate-600">
              Choose what each column holds; the first rows of the file are shown under it. Rows are numbered as in a
              spreadsheet (the header is row 1). A dry run shows what the import would do and saves nothing; importing
              sends no email to anyone.
            </p>
            <MappingForm
              importId={found.id}
              header={found.header}
              preview={found.preview}
              mapping={found.mapping}
              fields={FIELDS_OF[found.kind].map((f) => ({ value: f, label: IMPORT_FIELDS[f] }))}
              dryRunAction={dryRunImportAction}
              importAction={startImportAction}
            />
          </Card>
        ) : null}
        {found.status === "READY" && found.dryRun && isDryRunCurrent ? (
          <Card title="Dry run">
            <p className="text-sm text-slate-800">{summarizeImport(found.kind, found.dryRun)}.</p>
            <SkipList skips={found.dryRun.skips} total={found.dryRun.skipped} />
          </Card>
        ) : null}
        {found.status === "CHECKING" || found.status === "QUEUED" || found.status === "RUNNING" ? (
          <Progress found={found} />
        ) : null}
        {found.status === "DONE" || found.status === "FAILED" ? (
          <Card title="Summary">
            <p className="text-sm text-slate-800">{summarizeImport(found.kind, tally)}.</p>
            <SkipList skips={found.skips} total={found.skippedCount} />
            <div className="mt-4 flex flex-wrap items-start gap-3">
              <Link href={labels.list} className={buttonClass("secondary")}>
                See your {labels.plural}
              </Link>
              <ActionButton
                action={undoImportAction}
                fields={{ importId: found.id }}
                label="Undo this import"
                pendingLabel="Undoing…"
                variant="danger"
                confirm={`Remove the ${labels.plural} this import created? Anything changed since the import is kept.`}
              />
            </div>
          </Card>
        ) : null}
        {found.status === "UNDONE" && found.undo ? (
          <Card title="Undone">
            <p className="text-sm text-slate-800">
              Undone {found.undoneAt ? formatDateTime(found.undoneAt, studio.timeZone) : ""}: removed{" "}
              {countOf(found.undo.removedClients, "client", "clients")} and{" "}
              {countOf(found.undo.removedLeads, "lead", "leads")}.
              {found.undo.keptClients + found.undo.keptLeads > 0
                ? ` Kept ${countOf(found.undo.keptClients, "client", "clients")} and ${countOf(found.undo.keptLeads, "lead", "leads")} that were changed, given a job or a note since the import.`
                : ""}
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
