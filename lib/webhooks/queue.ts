import type PgBoss from "pg-boss";
// Relative: the worker and the queue setup run under tsx from scripts/ as well.
import { ensureQueue, sendInTransaction, type RawSqlRunner } from "../queues";

/** One job per attempt of a WebhookDelivery. */
export const WEBHOOK_QUEUE = "webhook";
/** Where pg-boss moves a job whose handler itself kept failing (or expired while running). */
export const WEBHOOK_DEAD_LETTER_QUEUE = "webhook-failed";

/** `attempt`: how many attempts the delivery had when this job was queued (a stale job does nothing). */
export type WebhookJob = { deliveryId: string; attempt: number };

/**
 * Seconds to wait before each retry after a failed attempt (the Standard Webhooks reference
 * schedule): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; after the eighth attempt it has failed.
 */
export const RETRY_SCHEDULE_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];

/**
 * Queues an attempt in the caller's transaction. The backoff is ours (a new job per attempt,
 * started later); pg-boss's own retries only cover a worker that died or failed to record one.
 */
export function enqueueWebhookJob(tx: RawSqlRunner, job: WebhookJob, startAfterSeconds = 0): Promise<string> {
  return sendInTransaction(tx, WEBHOOK_QUEUE, job, startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {});
}

/** Creates the webhook queues (called by ensureQueueSchema). A job expires 60 s after it started. */
export async function ensureWebhookQueues(boss: PgBoss): Promise<void> {
  await ensureQueue(boss, { name: WEBHOOK_DEAD_LETTER_QUEUE, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  await ensureQueue(
    boss,
    {
      name: WEBHOOK_QUEUE,
      policy: "standard",
      retryLimit: 3,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 60,
      deadLetter: WEBHOOK_DEAD_LETTER_QUEUE,
    },
    { update: true },
  );
}
