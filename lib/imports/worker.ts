import PgBoss from "pg-boss";
import { logEntry } from "@/lib/log";
import { errorText, pollQueue, settleJob } from "@/lib/queues";
import { createServiceDb, type ServiceDb } from "@/lib/service-db";
import { type CsvRow, readCsvRows } from "@/lib/imports/csv";
import { IMPORT_QUEUE, type ImportJob } from "@/lib/imports/queue";
import {
  addTally,
  emptyTally,
  IMPORT_BATCH_ROWS,
  importRows,
  MAX_LISTED_SKIPS,
  type Skip,
} from "@/lib/imports/mutations";
import { type Prisma } from "@/prisma/generated/prisma/client";

export type ImportWorkerOptions = {
  databaseUrl: string;
  /** Rows per transaction (tests make it small to see progress move). */
  batchRows?: number;
  pollingIntervalSeconds?: number;
  log?: (entry: Record<string, unknown>) => void;
};

type Outcome = "imported" | "checked" | "interrupted" | "skipped";

class Interrupted extends Error {}
class RolledBack extends Error {}
/** Another run of the same job got further (a job handed out twice): this one stops. */
class Overtaken extends Error {}

async function* inBatches(rows: AsyncIterable<CsvRow>, size: number): AsyncGenerator<CsvRow[]> {
  let batch: CsvRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Imports a large file in batches, each in its own transaction that also records the progress on
 * the import row (locked, and checked to be where this run expects it): a run that stops or
 * crashes resumes after the last committed batch, and no row is imported twice.
 */
async function importInBatches(db: ServiceDb, importId: string, batchRows: number, isStopping: () => boolean) {
  const found = await db.import.findUnique({
    where: { id: importId },
    select: { studioId: true, kind: true, status: true, mapping: true, data: true, processedRows: true },
  });
  if (!found || (found.status !== "QUEUED" && found.status !== "RUNNING")) return "skipped";
  const { studioId, kind, mapping } = found;
  await db.import.updateMany({ where: { id: importId, status: "QUEUED" }, data: { status: "RUNNING" } });
  let done = found.processedRows;
  for await (const rows of inBatches(readCsvRows(found.data, { fromRow: done + 2 }), batchRows)) {
    if (isStopping()) throw new Interrupted();
    await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Import" WHERE id = ${importId} FOR UPDATE`;
        const now = await tx.import.findUniqueOrThrow({
          where: { id: importId },
          select: { status: true, processedRows: true, skips: true },
        });
        if (now.status !== "RUNNING" || now.processedRows !== done) throw new Overtaken();
        const tally = await importRows(tx, { studioId, importId, kind, mapping, rows });
        const skips = [...(now.skips as Skip[]), ...tally.skips].slice(0, MAX_LISTED_SKIPS);
        await tx.import.update({
          where: { id: importId },
          data: {
            processedRows: done + rows.length,
            createdCount: { increment: tally.created },
            matchedCount: { increment: tally.matched },
            skippedCount: { increment: tally.skipped },
            skips: skips as unknown as Prisma.InputJsonValue,
          },
          select: { id: true },
        });
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    done += rows.length;
  }
  await db.import.updateMany({
    where: { id: importId, status: "RUNNING" },
    data: { status: "DONE", finishedAt: new Date() },
  });
  return "imported";
}

/**
 * A large file's dry run: every batch through the import's own code in one transaction that is
 * rolled back at the end; the progress is written beside it (outside it) so the page can show it.
 */
async function dryRunInBatches(db: ServiceDb, importId: string, batchRows: number, isStopping: () => boolean) {
  const found = await db.import.findUnique({
    where: { id: importId },
    select: { studioId: true, kind: true, status: true, mapping: true, data: true },
  });
  if (!found || found.status !== "CHECKING") return "skipped";
  const { studioId, kind, mapping } = found;
  let tally = emptyTally();
  try {
    await db.$transaction(
      async (tx) => {
        let done = 0;
        for await (const rows of inBatches(readCsvRows(found.data), batchRows)) {
          if (isStopping()) throw new Interrupted();
          tally = addTally(tally, await importRows(tx, { studioId, importId, kind, mapping, rows }));
          done += rows.length;
          await db.import.updateMany({ where: { id: importId, status: "CHECKING" }, data: { processedRows: done } });
        }
        throw new RolledBack();
      },
      { maxWait: 10_000, timeout: 3_600_000 },
    );
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  await db.import.updateMany({
    where: { id: importId, status: "CHECKING" },
    data: { status: "READY", processedRows: 0, dryRun: { ...tally, mapping } as unknown as Prisma.InputJsonValue },
  });
  return "checked";
}

/** Works the import queue, one file at a time. Stopping ends a run between two batches; it resumes later. */
export async function startImportWorker(options: ImportWorkerOptions): Promise<{ stop(): Promise<void> }> {
  const log = options.log ?? logEntry();
  const batchRows = options.batchRows ?? IMPORT_BATCH_ROWS;
  const db = createServiceDb(options.databaseUrl, "shootq-import-worker", 3);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 2,
    schedule: false,
    maintenanceIntervalSeconds: 15,
    application_name: "shootq-import-queue",
  });
  boss.on("error", (error) => log({ msg: "queue error", error: errorText(error) }));
  await boss.start();
  let isStopping = false;

  const loop = pollQueue<ImportJob>(
    boss,
    IMPORT_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, log },
    async (job) => {
      const { importId, isDryRun } = job.data;
      try {
        const run = isDryRun ? dryRunInBatches : importInBatches;
        const outcome: Outcome = await run(db, importId, batchRows, () => isStopping);
        log({ msg: "import job", importId, isDryRun, outcome });
        await settleJob(boss, IMPORT_QUEUE, job.id, {}, log);
      } catch (error) {
        if (error instanceof Overtaken) {
          await settleJob(boss, IMPORT_QUEUE, job.id, {}, log);
          return;
        }
        // Interrupted, or the database failed: pg-boss hands the job out again and it resumes.
        // On its last attempt the import is marked failed (what it imported stays, and can be undone).
        const isLast = !(error instanceof Interrupted) && job.retryCount >= job.retryLimit;
        log({ msg: "import job stopped", importId, isDryRun, isLast, error: errorText(error) });
        if (isLast)
          await db.import.updateMany({
            where: { id: importId, status: { in: ["QUEUED", "RUNNING", "CHECKING"] } },
            data: isDryRun
              ? { status: "READY", processedRows: 0, error: "The dry run could not finish. Please try again." }
              : { status: "FAILED", finishedAt: new Date(), error: "The import stopped before the end of the file." },
          });
        await settleJob(boss, IMPORT_QUEUE, job.id, { error }, log);
      }
    },
  );

  return {
    async stop() {
      isStopping = true;
      await loop.stop();
      await boss.stop({ graceful: false, wait: true });
      await db.$disconnect();
    },
  };
}
