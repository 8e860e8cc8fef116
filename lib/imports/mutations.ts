import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { unstorableFields } from "@/lib/input";
import { ensureContact } from "@/lib/contacts/mutations";
import { createLead, PAGES_A_NEW_LEAD_CHANGES } from "@/lib/leads/mutations";
import { CsvFileError, type CsvRow, inspectCsv, readCsvRows } from "@/lib/imports/csv";
import {
  cellsOf,
  dayKeyFromCell,
  FIELDS_OF,
  guessMapping,
  IMPORT_FIELDS,
  type ImportField,
  nameOf,
} from "@/lib/imports/fields";
import { enqueueImportJob } from "@/lib/imports/queue";
import { importClientSchema, importLeadSchema } from "@/lib/imports/schemas";
import { type ImportKind, type ImportStatus, Prisma } from "@/prisma/generated/prisma/client";

type Tenant = { studioId: string };

/** Files up to this many rows are imported (and dry-run) in the request; larger ones by the worker. */
export const SMALL_IMPORT_ROWS = 500;
/** Rows per transaction when the worker imports a large file; progress is stored after each. */
export const IMPORT_BATCH_ROWS = 500;
/** Skipped rows listed with their reason (all of them are counted). */
export const MAX_LISTED_SKIPS = 100;

/** Every page an import (or its undo) changes: what a new lead or client changes, and the import's own page. */
export const PAGES_AN_IMPORT_CHANGES = [...PAGES_A_NEW_LEAD_CHANGES, "/imports"];

export type Skip = { row: number; reason: string };
export type ImportTally = { created: number; matched: number; skipped: number; skips: Skip[] };
export type DryRunSummary = ImportTally & { mapping: string[] };

export const emptyTally = (): ImportTally => ({ created: 0, matched: 0, skipped: 0, skips: [] });

/** Adds `more` to `tally`, keeping the first MAX_LISTED_SKIPS reasons. */
export function addTally(tally: ImportTally, more: ImportTally): ImportTally {
  return {
    created: tally.created + more.created,
    matched: tally.matched + more.matched,
    skipped: tally.skipped + more.skipped,
    skips: [...tally.skips, ...more.skips].slice(0, MAX_LISTED_SKIPS),
  };
}

/** Stores an uploaded CSV after reading it through once; a malformed file is refused naming the row. */
export async function createImport(
  tx: Tx,
  { studioId, kind, fileName, bytes }: Tenant & { kind: ImportKind; fileName: string; bytes: Uint8Array },
) {
  let summary;
  try {
    summary = await inspectCsv(bytes);
  } catch (error) {
    if (error instanceof CsvFileError)
      throw new AppError("VALIDATION", error.message, { file: [`${error.message} Nothing was imported.`] });
    throw error;
  }
  return tx.import.create({
    data: {
      studioId,
      kind,
      fileName: fileName.slice(0, 200) || "upload.csv",
      data: new Uint8Array(bytes),
      sizeBytes: bytes.length,
      header: summary.header,
      preview: summary.preview,
      rowCount: summary.rowCount,
      mapping: guessMapping(kind, summary.header),
    },
    select: { id: true },
  });
}

const IMPORT_STATE = {
  id: true,
  kind: true,
  status: true,
  header: true,
  rowCount: true,
  finishedAt: true,
} as const;

/** The import, locked for the rest of the transaction so two steps of one import never interleave. */
async function lockImport(tx: Tx, { studioId, importId }: Tenant & { importId: string }) {
  await tx.$queryRaw`SELECT id FROM "Import" WHERE id = ${importId} AND "studioId" = ${studioId} FOR UPDATE`;
  const found = await tx.import.findFirst({ where: { id: importId, studioId }, select: IMPORT_STATE });
  if (!found) throw notFound("That import");
  return found;
}

const ALREADY: Partial<Record<ImportStatus, string>> = {
  CHECKING: "A dry run of this file is still running.",
  QUEUED: "This file is already being imported.",
  RUNNING: "This file is already being imported.",
  DONE: "This file was already imported.",
  FAILED: "This import has stopped; undo it and upload the file again.",
  UNDONE: "This import was undone; upload the file again to import it.",
};

/** Checks the chosen mapping: fields of this kind, each once, with an email and a name. */
function checkMapping(kind: ImportKind, header: string[], mapping: string[]): string[] {
  const problem = (message: string) => new AppError("VALIDATION", message, { column: [message] });
  if (mapping.length !== header.length) throw problem("Choose a field (or “Leave out”) for every column.");
  const allowed = new Set<string>(FIELDS_OF[kind]);
  const used = mapping.filter(Boolean);
  const wrong = used.find((f) => !allowed.has(f));
  if (wrong) throw problem(`${IMPORT_FIELDS[wrong as ImportField]} is not a field of this import.`);
  const twice = used.find((f, i) => used.indexOf(f) !== i);
  if (twice) throw problem(`${IMPORT_FIELDS[twice as ImportField]} is chosen for two columns: choose it once.`);
  if (!used.includes("email")) throw problem("Choose the column that holds the email address.");
  if (!used.includes("name") && !used.includes("firstName"))
    throw problem("Choose the column with the full name, or the first name (and last name) columns.");
  return mapping;
}

/** Saves the mapping of a file still being mapped; the import and its dry run use it. */
async function prepare(tx: Tx, { studioId, importId, mapping }: Tenant & { importId: string; mapping: string[] }) {
  const found = await lockImport(tx, { studioId, importId });
  if (found.status !== "READY") throw new AppError("CONFLICT", ALREADY[found.status] ?? "This import cannot change.");
  checkMapping(found.kind, found.header, mapping);
  await tx.import.updateMany({ where: { id: importId, studioId }, data: { mapping } });
  const file = await tx.import.findFirstOrThrow({ where: { id: importId, studioId }, select: { data: true } });
  return { ...found, data: file.data };
}

async function allRows(bytes: Uint8Array): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(bytes)) rows.push(row);
  return rows;
}

function reasonOf(row: number, error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const field = IMPORT_FIELDS[String(issue.path[0]) as ImportField] ?? String(issue.path[0]);
  return `row ${row}: ${field.toLowerCase()}: ${issue.message}`;
}

/**
 * Imports rows through the domain's own mutations: a client row through ensureContact (one client
 * per normalized email: an existing address is "matched"), a lead row through createLead (the
 * form's path: lead.created webhooks, no email to anyone). A row that breaks a rule is skipped
 * with its reason. Rows it creates carry `importId`, for the undo.
 */
export async function importRows(
  tx: Tx,
  {
    studioId,
    importId,
    kind,
    mapping,
    rows,
  }: Tenant & { importId: string; kind: ImportKind; mapping: string[]; rows: CsvRow[] },
): Promise<ImportTally> {
  const tally = emptyTally();
  const skip = (reason: string) => {
    tally.skipped++;
    if (tally.skips.length < MAX_LISTED_SKIPS) tally.skips.push({ row: 0, reason });
  };
  for (const { row, values } of rows) {
    const cells = cellsOf(mapping, values);
    const before = tally.skips.length;
    if (!cells.email) skip(`row ${row} has no email`);
    else if (Object.keys(unstorableFields(cells)).length > 0) skip(`row ${row} has invisible control characters`);
    else if (kind === "CLIENTS") {
      const parsed = importClientSchema.safeParse({ ...cells, name: nameOf(cells) });
      if (!parsed.success) skip(reasonOf(row, parsed.error));
      else {
        const { name, email, phone, address, notes } = parsed.data;
        const contact = await ensureContact(tx, {
          studioId,
          name,
          email,
          phone,
          importId,
          details: { address, notes },
        });
        if (contact.isNew) tally.created++;
        else tally.matched++;
      }
    } else {
      const eventDate = cells.eventDate ? dayKeyFromCell(cells.eventDate) : "";
      if (eventDate === null)
        skip(`row ${row} has an event date that is not a date (${(cells.eventDate ?? "").slice(0, 40)})`);
      else {
        const parsed = importLeadSchema.safeParse({
          ...cells,
          name: nameOf(cells),
          eventType: cells.eventType || "other",
          eventDate,
        });
        if (!parsed.success) skip(reasonOf(row, parsed.error));
        else {
          const { source, ...input } = parsed.data;
          const lead = await createLead(tx, { studioId, input, source: source ?? "import", importId });
          if (lead.isNewContact) tally.created++;
          else tally.matched++;
        }
      }
    }
    if (tally.skips.length > before) tally.skips[tally.skips.length - 1].row = row;
  }
  return tally;
}

/**
 * The import's exact writes inside a savepoint that is then rolled back: the same code as the real
 * import, so its summary is what the import will do (unless the studio changes in between).
 */
export async function dryRunRows(tx: Tx, args: Parameters<typeof importRows>[1]): Promise<ImportTally> {
  await tx.$executeRawUnsafe("SAVEPOINT import_dry_run");
  try {
    return await importRows(tx, args);
  } finally {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_dry_run");
  }
}

/** A large file's dry run or import, handed to the worker in this transaction. */
async function queueForWorker(
  tx: Tx,
  { studioId, importId, kind, isDryRun }: Tenant & { importId: string; kind: ImportKind; isDryRun: boolean },
) {
  const status = isDryRun ? "CHECKING" : "QUEUED";
  await tx.import.updateMany({ where: { id: importId, studioId }, data: { status, processedRows: 0 } });
  await enqueueImportJob(tx, { importId, isDryRun });
  return { kind, tally: null };
}

const tallyJson = (tally: ImportTally) => tally.skips as unknown as Prisma.InputJsonValue;

/**
 * A dry run with the chosen mapping: a small file at once (the summary is stored on the import),
 * a large one queued for the worker (the page shows its progress).
 */
export async function dryRunImport(
  tx: Tx,
  { studioId, importId, mapping }: Tenant & { importId: string; mapping: string[] },
) {
  const found = await prepare(tx, { studioId, importId, mapping });
  if (found.rowCount > SMALL_IMPORT_ROWS)
    return queueForWorker(tx, { studioId, importId, kind: found.kind, isDryRun: true });
  const tally = await dryRunRows(tx, {
    studioId,
    importId,
    kind: found.kind,
    mapping,
    rows: await allRows(found.data),
  });
  await tx.import.updateMany({
    where: { id: importId, studioId },
    data: { dryRun: { ...tally, mapping } as unknown as Prisma.InputJsonValue },
  });
  return { kind: found.kind, tally };
}

/** The import itself: a small file in this transaction, a large one queued for the worker. */
export async function startImport(
  tx: Tx,
  { studioId, importId, mapping }: Tenant & { importId: string; mapping: string[] },
) {
  const found = await prepare(tx, { studioId, importId, mapping });
  if (found.rowCount > SMALL_IMPORT_ROWS)
    return queueForWorker(tx, { studioId, importId, kind: found.kind, isDryRun: false });
  const rows = await allRows(found.data);
  const tally = await importRows(tx, { studioId, importId, kind: found.kind, mapping, rows });
  await tx.import.updateMany({
    where: { id: importId, studioId },
    data: {
      status: "DONE",
      processedRows: rows.length,
      createdCount: tally.created,
      matchedCount: tally.matched,
      skippedCount: tally.skipped,
      skips: tallyJson(tally),
      // After the last row: the undo takes anything changed later than this as edited since.
      finishedAt: new Date(),
    },
  });
  return { kind: found.kind, tally };
}

/**
 * Removes what the import created and nothing else: its leads not edited since (no later change,
 * no note, not converted to a job), then its clients not edited since that have no job and no lead
 * left. A client who has since got a job (or a lead of their own, or an edit) is kept: deleting
 * them would take the job's client away. What was kept is counted and shown.
 */
export async function undoImport(
  tx: Tx,
  { studioId, importId, now = new Date() }: Tenant & { importId: string; now?: Date },
) {
  const found = await lockImport(tx, { studioId, importId });
  if (found.status !== "DONE" && found.status !== "FAILED")
    throw new AppError(
      "CONFLICT",
      found.status === "UNDONE" ? "This import was already undone." : "Only a finished import can be undone.",
    );
  const cutoff = found.finishedAt ?? now;
  const leads = await tx.lead.deleteMany({
    where: { studioId, importId, jobId: null, updatedAt: { lte: cutoff }, notes: { none: {} } },
  });
  const clients = await tx.contact.deleteMany({
    where: { studioId, importId, updatedAt: { lte: cutoff }, jobs: { none: {} }, leads: { none: {} } },
  });
  const keptLeads = await tx.lead.count({ where: { studioId, importId } });
  const keptClients = await tx.contact.count({ where: { studioId, importId } });
  const undo = { removedLeads: leads.count, removedClients: clients.count, keptLeads, keptClients };
  await tx.import.updateMany({ where: { id: importId, studioId }, data: { status: "UNDONE", undoneAt: now, undo } });
  return undo;
}
