import type PgBoss from "pg-boss";
import { ensureQueue, sendInTransaction, type RawSqlRunner } from "@/lib/queues";

/** One job per large import or dry run; the import row holds its progress. */
export const IMPORT_QUEUE = "import";

export type ImportJob = { importId: string; isDryRun: boolean };

/** Queues a large file's import (or dry run) in the caller's transaction. */
export function enqueueImportJob(tx: RawSqlRunner, job: ImportJob): Promise<string> {
  return sendInTransaction(tx, IMPORT_QUEUE, job);
}

/**
 * Creates the import queue (called by ensureQueueSchema). A job resumes where the last committed
 * batch left off, so a retry after a crash or a restart never imports a row twice; an hour covers
 * a 50,000-row file on a busy machine.
 */
export async function ensureImportQueue(boss: PgBoss): Promise<void> {
  await ensureQueue(
    boss,
    {
      name: IMPORT_QUEUE,
      policy: "standard",
      retryLimit: 10,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 3600,
    },
    { update: true },
  );
}
