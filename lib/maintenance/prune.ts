import PgBoss from "pg-boss";
import pg from "pg";
import { ensureQueue, errorText, pollQueue, settleJob } from "@/lib/queues";

// Rows that only matter for a while (rate-limit windows, sessions, emailed account links, form
// tokens, the webhook delivery log) are deleted once they cannot matter any more, by a pg-boss schedule the worker runs:
// one run every quarter hour across however many workers there are.

export const PRUNE_QUEUE = "prune-expired";
const EVERY_QUARTER_HOUR = "*/15 * * * *";

const STATEMENTS = {
  rateLimits: `DELETE FROM "RateLimit" WHERE "resetAt" < now() - interval '1 hour'`,
  sessions: `DELETE FROM "Session" WHERE "expiresAt" < now()`,
  accountLinks: `DELETE FROM "AccountToken" WHERE "expiresAt" < now() - interval '1 day' OR "usedAt" < now() - interval '1 day'`,
  formSubmissions: `DELETE FROM "FormSubmission" WHERE "createdAt" < now() - interval '1 day'`,
  // The delivery log keeps 30 days (its deliveries and attempts go with each event).
  webhookEvents: `DELETE FROM "WebhookEvent" e WHERE e."createdAt" < now() - interval '30 days' AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = e.id AND d.status = 'PENDING')`,
  // Past the sign-in cookie's lifetime no session from before it can exist.
  validAfter: `UPDATE "User" SET "sessionsValidAfter" = NULL WHERE "sessionsValidAfter" < now() - interval '14 days'`,
} as const;

export type PruneReport = Record<keyof typeof STATEMENTS, number>;

/** Deletes what has expired; returns how many rows each kind lost. */
export async function pruneExpired(databaseUrl: string): Promise<PruneReport> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "shootq-prune" });
  await client.connect();
  try {
    const report = {} as PruneReport;
    for (const [name, sql] of Object.entries(STATEMENTS) as [keyof typeof STATEMENTS, string][])
      report[name] = (await client.query(sql)).rowCount ?? 0;
    return report;
  } finally {
    await client.end();
  }
}

export type Maintenance = { stop(): Promise<void> };

/** Schedules the prune and works it (in the worker process). */
export async function startMaintenance({
  databaseUrl,
  log,
}: {
  databaseUrl: string;
  log: (entry: Record<string, unknown>) => void;
}): Promise<Maintenance> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 2,
    schedule: true,
    supervise: true,
    application_name: "shootq-maintenance",
  });
  boss.on("error", (error) => log({ msg: "maintenance queue error", error: String(error) }));
  await boss.start();
  await ensureQueue(boss, { name: PRUNE_QUEUE, policy: "singleton", retryLimit: 2 });
  await boss.schedule(PRUNE_QUEUE, EVERY_QUARTER_HOUR);
  const loop = pollQueue<object>(boss, PRUNE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2, log }, async (job) => {
    try {
      const report = await pruneExpired(databaseUrl);
      log({ msg: "pruned expired rows", ...report });
      await settleJob(boss, PRUNE_QUEUE, job.id, { output: report }, log);
    } catch (error) {
      log({ msg: "prune failed", error: errorText(error) });
      await settleJob(boss, PRUNE_QUEUE, job.id, { error }, log);
    }
  });
  return {
    async stop() {
      await loop.stop();
      await boss.stop({ graceful: false, wait: true });
    },
  };
}
