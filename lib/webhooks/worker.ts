import PgBoss from "pg-boss";
import { Webhook } from "standardwebhooks";
// Relative imports: the worker runs under tsx from scripts/worker.ts.
import { findOwnerConfirmation } from "../account/queries";
import { queueEmail, StudioSendRefused } from "../email/outbox";
import { notify } from "../notifications/mutations";
import { logEntry } from "../log";
import { errorText, pollQueue, settleJob } from "../queues";
import { createServiceDb } from "../service-db";
import { parseWebhookUrl, resolveWebhookUrl, type WebhookAddressPolicy, WebhookUrlRefused } from "./address";
import { webhookBody } from "./events";
import {
  enqueueWebhookJob,
  RETRY_SCHEDULE_SECONDS,
  WEBHOOK_DEAD_LETTER_QUEUE,
  WEBHOOK_QUEUE,
  type WebhookJob,
} from "./queue";
import { postWebhook, type SendOutcome } from "./send";

export type WebhookWorkerOptions = {
  databaseUrl: string;
  policy: WebhookAddressPolicy;
  /** Seconds before each retry; tests shorten it. */
  retrySchedule?: number[];
  timeoutMs?: number;
  /** How long an endpoint may fail without a success before it is disabled. */
  disableAfterMs?: number;
  concurrency?: number;
  pollingIntervalSeconds?: number;
  log?: (entry: Record<string, unknown>) => void;
};

export type WebhookWorker = { stop(): Promise<void> };

type Outcome = "sent" | "retrying" | "failed" | "skipped" | "missing";

const THREE_DAYS_MS = 3 * 24 * 3600 * 1000;

/** 2xx succeeded; a network error, a timeout, 5xx and 429 are worth another try; anything else is final. */
const isSuccess = (o: SendOutcome) => o.statusCode !== null && o.statusCode >= 200 && o.statusCode < 300;
const isRetryable = (o: SendOutcome) => o.statusCode === null || o.statusCode >= 500 || o.statusCode === 429;

/**
 * Works the webhook queue: each job makes one attempt of one WebhookDelivery, signed per the
 * Standard Webhooks specification. The delivery row is locked (SELECT … FOR UPDATE) for the whole
 * attempt, and a job runs only while the row is PENDING with the attempt count the job was queued
 * with, so a job handed out twice (a restart, an expired attempt still finishing) or a retry made
 * stale by a resend never sends twice. Retries are new jobs queued in the attempt's transaction.
 */
export async function startWebhookWorker(options: WebhookWorkerOptions): Promise<WebhookWorker> {
  const log = options.log ?? logEntry();
  const concurrency = options.concurrency ?? 4;
  const schedule = options.retrySchedule ?? RETRY_SCHEDULE_SECONDS;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const disableAfterMs = options.disableAfterMs ?? THREE_DAYS_MS;
  const db = createServiceDb(options.databaseUrl, "shootq-webhook-worker", concurrency + 2);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: 15,
    application_name: "shootq-webhook-queue",
  });
  boss.on("error", (error) => log({ msg: "queue error", error: errorText(error) }));
  await boss.start();

  type DbTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

  async function recordFailureOfEndpoint(tx: DbTx, endpointId: string, studioId: string, now: Date) {
    await tx.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: now } });
    const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({
      where: { id: endpointId },
      select: { url: true, isEnabled: true, failingSince: true },
    });
    if (!endpoint.isEnabled || !endpoint.failingSince) return;
    if (now.getTime() - endpoint.failingSince.getTime() < disableAfterMs) return;
    const days = Math.round(disableAfterMs / (24 * 3600 * 1000));
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: {
        isEnabled: false,
        disabledAt: now,
        disabledReason: `Every delivery failed for ${days} days (since ${endpoint.failingSince.toISOString().slice(0, 10)}).`,
      },
      select: { id: true },
    });
    await notify(tx, {
      studioId,
      kind: "webhook.disabled",
      message: `Webhooks to ${endpoint.url} were disabled after failing for ${days} days`,
      link: `/settings/webhooks/${endpointId}`,
    });
    const { ownerEmail } = await findOwnerConfirmation(tx, { studioId });
    if (!ownerEmail) return;
    try {
      await queueEmail(tx, { studioId, kind: "webhook.disabled", to: ownerEmail, params: { endpointId } });
    } catch (error) {
      // An unconfirmed owner or a used-up quota: the notification above still tells the studio.
      if (!(error instanceof StudioSendRefused)) throw error;
      log({ msg: "webhook disabled email refused", endpointId, error: errorText(error) });
    }
  }

  async function attempt(job: WebhookJob): Promise<{ outcome: Outcome; statusCode?: number | null; error?: string }> {
    return db.$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRaw<{ status: string; attempts: number }[]>`
          SELECT status::text AS status, attempts FROM "WebhookDelivery" WHERE id = ${job.deliveryId} FOR UPDATE`;
        if (!locked) return { outcome: "missing" };
        if (locked.status !== "PENDING" || locked.attempts !== job.attempt) return { outcome: "skipped" };
        const delivery = await tx.webhookDelivery.findUniqueOrThrow({
          where: { id: job.deliveryId },
          select: {
            id: true,
            studioId: true,
            endpoint: { select: { id: true, url: true, secret: true, isEnabled: true } },
            event: { select: { id: true, type: true, data: true, createdAt: true } },
          },
        });
        const { endpoint, event } = delivery;
        const number = locked.attempts + 1;
        const started = Date.now();
        let outcome: SendOutcome;
        let canRetry = true;
        if (!endpoint.isEnabled && event.type !== "webhook.test") {
          outcome = { statusCode: null, excerpt: null, error: "Not sent: the endpoint is disabled." };
          canRetry = false;
        } else {
          try {
            // Checked again now, after resolving: the host may point somewhere else since registration.
            const url = parseWebhookUrl(endpoint.url, options.policy);
            const address = await resolveWebhookUrl(url, options.policy);
            const body = webhookBody(event);
            const sentAt = new Date();
            const signature = new Webhook(endpoint.secret).sign(event.id, sentAt, body);
            outcome = await postWebhook({
              url,
              address,
              body,
              timeoutMs,
              headers: {
                "content-type": "application/json",
                "user-agent": "ShootQ-Webhooks/1",
                "webhook-id": event.id,
                "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
                "webhook-signature": signature,
              },
            });
          } catch (error) {
            if (!(error instanceof WebhookUrlRefused)) throw error;
            outcome = { statusCode: null, excerpt: null, error: `Not sent: ${error.message}` };
            canRetry = error.isTemporary;
          }
        }
        const now = new Date();
        const latencyMs = now.getTime() - started;
        const succeeded = isSuccess(outcome);
        const retryIn = !succeeded && canRetry && isRetryable(outcome) ? schedule[number - 1] : undefined;
        await tx.webhookAttempt.create({
          data: {
            studioId: delivery.studioId,
            deliveryId: delivery.id,
            number,
            isSuccess: succeeded,
            statusCode: outcome.statusCode,
            latencyMs,
            responseExcerpt: outcome.excerpt,
            error: outcome.error ?? (succeeded ? null : `The receiver answered ${outcome.statusCode}.`),
          },
          select: { id: true },
        });
        await tx.webhookDelivery.update({
          where: { id: delivery.id },
          data: {
            attempts: number,
            lastAttemptAt: now,
            lastStatusCode: outcome.statusCode,
            lastLatencyMs: latencyMs,
            status: succeeded ? "SUCCEEDED" : retryIn === undefined ? "FAILED" : "PENDING",
            nextAttemptAt: retryIn === undefined ? null : new Date(now.getTime() + retryIn * 1000),
          },
          select: { id: true },
        });
        if (retryIn !== undefined) await enqueueWebhookJob(tx, { deliveryId: delivery.id, attempt: number }, retryIn);
        if (succeeded) {
          await tx.webhookEndpoint.updateMany({
            where: { id: endpoint.id, failingSince: { not: null } },
            data: { failingSince: null },
          });
          return { outcome: "sent", statusCode: outcome.statusCode };
        }
        if (endpoint.isEnabled) await recordFailureOfEndpoint(tx, endpoint.id, delivery.studioId, now);
        return {
          outcome: retryIn === undefined ? "failed" : "retrying",
          statusCode: outcome.statusCode,
          error: outcome.error ?? undefined,
        };
      },
      { maxWait: 10_000, timeout: timeoutMs + 35_000 },
    );
  }

  // pg-boss gave up on a job (the handler itself kept failing, or the job expired while active):
  // the delivery is FAILED unless another job moved it on meanwhile.
  async function giveUp(job: WebhookJob): Promise<Outcome> {
    const { count } = await db.webhookDelivery.updateMany({
      where: { id: job.deliveryId, status: "PENDING", attempts: job.attempt },
      data: { status: "FAILED", nextAttemptAt: null },
    });
    return count === 1 ? "failed" : "skipped";
  }

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  const loops = [
    pollQueue<WebhookJob>(boss, WEBHOOK_QUEUE, { batchSize: concurrency, pollingIntervalSeconds, log }, async (job) => {
      try {
        const result = await attempt(job.data);
        log({ msg: "webhook delivery", ...job.data, ...result });
        // A job left unsettled is handed out again: the row lock makes that harmless.
        await settleJob(boss, WEBHOOK_QUEUE, job.id, { output: { outcome: result.outcome } }, log);
      } catch (error) {
        // The attempt could not be recorded (database trouble): pg-boss retries the job itself.
        log({ msg: "webhook delivery error", ...job.data, error: errorText(error) });
        await settleJob(boss, WEBHOOK_QUEUE, job.id, { error }, log);
      }
    }),
    pollQueue<WebhookJob>(
      boss,
      WEBHOOK_DEAD_LETTER_QUEUE,
      { batchSize: 1, pollingIntervalSeconds, log },
      async (job) => {
        try {
          const outcome = await giveUp(job.data);
          log({ msg: "webhook gave up", ...job.data, outcome });
          await settleJob(boss, WEBHOOK_DEAD_LETTER_QUEUE, job.id, {}, log);
        } catch (error) {
          await settleJob(boss, WEBHOOK_DEAD_LETTER_QUEUE, job.id, { error }, log);
        }
      },
    ),
  ];

  return {
    async stop() {
      // Graceful: nothing more is fetched, and every attempt already fetched is made and recorded.
      await Promise.all(loops.map((loop) => loop.stop()));
      await boss.stop({ graceful: false, wait: true });
      await db.$disconnect();
    },
  };
}
