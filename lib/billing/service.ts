import PgBoss from "pg-boss";
import { runBillingTick, type TickResult } from "@/lib/billing/tick";
import { ensureQueue, errorText, pollQueue, settleJob } from "@/lib/queues";
import { createServiceDb } from "@/lib/service-db";
import { logEntry } from "@/lib/log";

/** The pg-boss queue of the billing service's scheduled runs. */
export const BILLING_QUEUE = "billing-tick";
/** Every minute: a reminder due at 9:00 goes out by 9:01, wherever the studio is. */
export const BILLING_CRON = "* * * * *";

export type BillingServiceOptions = {
  databaseUrl: string;
  /** The clock; tests move it. */
  now?: () => Date;
  log?: (entry: Record<string, unknown>) => void;
};

export type BillingService = {
  /** Resolves when this service next finishes a run that pg-boss handed it. */
  nextRun(): Promise<TickResult>;
  /** Runs once now, outside the schedule. */
  runNow(): Promise<TickResult>;
  stop(): Promise<void>;
};

/** Creates the billing queue and its schedule. Idempotent, safe from several processes at once. */
export async function ensureBillingSchedule(boss: PgBoss): Promise<void> {
  // Singleton: one run at a time across every billing service; a run that finds another
  // active waits for the next minute rather than doubling the work.
  await ensureQueue(boss, {
    name: BILLING_QUEUE,
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 10,
    expireInSeconds: 15 * 60,
  });
  await boss.schedule(BILLING_QUEUE, BILLING_CRON, {}, { tz: "UTC" });
}

/**
 * The billing service: runs the scheduled work (lib/billing/tick.ts) whenever pg-boss hands it
 * a run, on its cron schedule kept in the database. Any number may run: pg-boss gives each
 * scheduled run to one of them, and every step of a run is idempotent besides. A graceful
 * stop lets the run in progress finish.
 */
export async function startBillingService(options: BillingServiceOptions): Promise<BillingService> {
  const log = options.log ?? logEntry();
  const now = options.now ?? (() => new Date());
  const db = createServiceDb(options.databaseUrl, "shootq-billing", 3);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 3,
    application_name: "shootq-billing-queue",
    schedule: true,
    maintenanceIntervalSeconds: 60,
  });
  boss.on("error", (error) => log({ msg: "billing queue error", error: String(error) }));
  await boss.start();
  await ensureBillingSchedule(boss);

  const waiting: ((result: TickResult) => void)[] = [];
  async function tick(): Promise<TickResult> {
    const started = Date.now();
    const at = now();
    const result = await runBillingTick(db, { now: at });
    log({ msg: "billing run", at: at.toISOString(), ...result, ms: Date.now() - started });
    return result;
  }
  // Catch up at once after a start (or a restart) instead of at the next minute.
  await boss.send(BILLING_QUEUE, {});
  const loop = pollQueue<object>(boss, BILLING_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2, log }, async (job) => {
    try {
      const result = await tick();
      await settleJob(boss, BILLING_QUEUE, job.id, { output: result }, log);
      for (const resolve of waiting.splice(0)) resolve(result);
    } catch (error) {
      log({ msg: "billing run failed", error: errorText(error) });
      await settleJob(boss, BILLING_QUEUE, job.id, { error }, log);
    }
  });

  return {
    nextRun: () => new Promise<TickResult>((resolve) => waiting.push(resolve)),
    runNow: tick,
    async stop() {
      // Graceful: the run in progress finishes and its job is settled before the connections
      // close; a job left active would hold the singleton queue until it expired.
      await loop.stop();
      await boss.stop({ graceful: false, wait: true });
      await db.$disconnect();
    },
  };
}
