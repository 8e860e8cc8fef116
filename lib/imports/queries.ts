import { type Db } from "@/lib/db";
import { type DryRunSummary, type Skip } from "@/lib/imports/mutations";

type Tenant = { studioId: string };

/** The studio's latest imports, newest first (the file itself is never read here). */
export function findImports(db: Db, { studioId }: Tenant) {
  return db.import.findMany({
    where: { studioId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true,
      kind: true,
      fileName: true,
      status: true,
      rowCount: true,
      createdCount: true,
      matchedCount: true,
      skippedCount: true,
      createdAt: true,
    },
  });
}

export type ImportUndo = { removedClients: number; removedLeads: number; keptClients: number; keptLeads: number };

/** One import with its preview, mapping and progress; null for another studio's. */
export async function findImport(db: Db, { studioId, importId }: Tenant & { importId: string }) {
  const found = await db.import.findFirst({
    where: { id: importId, studioId },
    select: {
      id: true,
      kind: true,
      fileName: true,
      sizeBytes: true,
      header: true,
      preview: true,
      rowCount: true,
      mapping: true,
      status: true,
      dryRun: true,
      processedRows: true,
      createdCount: true,
      matchedCount: true,
      skippedCount: true,
      skips: true,
      error: true,
      finishedAt: true,
      undoneAt: true,
      undo: true,
      createdAt: true,
    },
  });
  if (!found) return null;
  return {
    ...found,
    preview: found.preview as string[][],
    skips: found.skips as Skip[],
    dryRun: found.dryRun as DryRunSummary | null,
    undo: found.undo as ImportUndo | null,
  };
}
export type ImportDetail = NonNullable<Awaited<ReturnType<typeof findImport>>>;
