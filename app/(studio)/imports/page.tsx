import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/calendar/zoned";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/imports/csv";
import { IMPORT_KIND_LABELS } from "@/lib/imports/fields";
import { findImports } from "@/lib/imports/queries";
import { importListParams } from "@/lib/imports/schemas";
import { IMPORT_STATUS_LABELS } from "@/lib/imports/summary";
import { uploadImportAction } from "./actions";
import { UploadForm } from "./_components/upload-form";

export const metadata = { title: "Import" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportsPage({ searchParams }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const { kind } = importListParams.parse(await searchParams);
  const imports = await findImports(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title={`Import ${IMPORT_KIND_LABELS[kind].plural}`} />
      <div className="space-y-6">
        <Card title="Upload a CSV file">
          <UploadForm action={uploadImportAction} kind={kind} maxBytes={MAX_IMPORT_BYTES} maxLabel={MAX_IMPORT_LABEL} />
        </Card>
        <Card title="Past imports">
          {imports.length === 0 ? (
            <EmptyState>No imports yet.</EmptyState>
          ) : (
            <ul aria-label="Past imports" className="divide-y divide-slate-100 text-sm">
              {imports.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={`/imports/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    {i.fileName}
                  </Link>
                  <span className="text-slate-600">
                    {IMPORT_KIND_LABELS[i.kind].plural}, {i.rowCount.toLocaleString("en-US")} rows ·{" "}
                    {IMPORT_STATUS_LABELS[i.status]} · {formatDateTime(i.createdAt, studio.timeZone)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
