import PgBoss from "pg-boss";
import { logger } from "@/lib/log";
import { ensureQueue, sendInTransaction, type RawSqlRunner } from "@/lib/queues";
import { ensureImportQueue } from "@/lib/imports/queue";
import { ensureWebhookQueues } from "@/lib/webhooks/queue";

/** The pg-boss queue the email worker works; one job per EmailMessage delivery attempt chain. */
export const EMAIL_QUEUE = "email";
/** Where pg-boss moves a job that failed its last retry (or timed out on it). */
export const EMAIL_DEAD_LETTER_QUEUE = "email-failed";

export type EmailJob = { emailId: string };

export type RetryPolicy = { retryLimit: number; retryDelaySeconds: number; expireInSeconds: number };

/**
 * Five attempts over about a quarter of an hour (30 s, 1, 2, 4 min, with jitter). A job expires,
 * and is handed out again, 60 s after it started: longer than one delivery can take (SMTP socket
 * timeout 20 s, transaction 45 s).
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retryLimit: 4, retryDelaySeconds: 30, expireInSeconds: 60 };

/** Enqueues the delivery of one email in the caller's transaction. */
export async function enqueueEmailJob(tx: RawSqlRunner, emailId: string): Promise<string> {
  return sendInTransaction(tx, EMAIL_QUEUE, { emailId } satisfies EmailJob);
}

function queueOptions(policy: RetryPolicy): PgBoss.Queue {
  return {
    name: EMAIL_QUEUE,
    policy: "standard",
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: policy.expireInSeconds,
    deadLetter: EMAIL_DEAD_LETTER_QUEUE,
  };
}

/**
 * Creates (or migrates) pg-boss's schema, the email, webhook and import queues, and sets the retry policy new
 * jobs take. Idempotent and safe to run from several processes at once (pg-boss takes an
 * advisory lock). Must run before any request can queue an email.
 */
export async function ensureQueueSchema(
  databaseUrl: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 1,
    schedule: false,
    supervise: false,
    migrate: true,
    application_name: "shootq-queue-setup",
  });
  boss.on("error", (error) => logger().error({ err: error }, "queue setup error"));
  await boss.start();
  try {
    await ensureQueue(boss, { name: EMAIL_DEAD_LETTER_QUEUE, retryLimit: 5, retryDelay: 5, retryBackoff: true });
    await ensureQueue(boss, queueOptions(policy), { update: true });
    await ensureWebhookQueues(boss);
    await ensureImportQueue(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
