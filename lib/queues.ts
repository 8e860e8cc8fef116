import PgBoss from "pg-boss";
import { inJobSpan, withQueuingTrace } from "./tracing/job-spans";

// Deadlock, and the duplicates two creators racing past the same "does it exist?" can meet.
const RETRYABLE = new Set(["40P01", "23505", "42P07"]);
const ATTEMPTS = 5;

/**
 * Creates a pg-boss queue unless it exists (with `update`, brings an existing one to `options`).
 * The worker, the maintenance job and the billing service start together on a fresh database and
 * create their queues at the same moment; PostgreSQL may abort one of them as a deadlock (each
 * queue is a partition of pg-boss's job table), so those errors are retried after a short pause.
 */
export async function ensureQueue(
  boss: PgBoss,
  options: PgBoss.Queue,
  { update = false }: { update?: boolean } = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(options.name))) await boss.createQueue(options.name, options);
      else if (update) await boss.updateQueue(options.name, options);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}

/** Anything that runs one SQL statement with positional parameters inside the caller's transaction. */
export type RawSqlRunner = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

// A PgBoss instance that never connects: it only builds the INSERT, which runs on the `db`
// passed to send() (the caller's transaction), so the job commits or rolls back with its row.
const detached = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error("the outbox only enqueues through a transaction")),
  },
  schedule: false,
  supervise: false,
  migrate: false,
});

function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

/** pg-boss's `db` option, executing on a Prisma transaction client. */
export function transactionAdapter(tx: RawSqlRunner): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toParam));
      return { rows };
    },
  };
}

/**
 * Inserts a job in the caller's transaction. Throws when the queue does not exist (pg-boss
 * silently inserts nothing then): ensureQueueSchema() must have run before the app starts. With
 * a collector, the job carries the caller's trace (lib/tracing/job-spans.ts).
 */
export async function sendInTransaction(
  tx: RawSqlRunner,
  queue: string,
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<string> {
  const jobId = await detached.send(queue, withQueuingTrace(data), { ...options, db: transactionAdapter(tx) });
  if (!jobId) throw new Error(`the "${queue}" queue does not exist: run ensureQueueSchema() before the app starts`);
  return jobId;
}

/** An error as one line a worker's log (or a job's output) can hold. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

type Log = (entry: Record<string, unknown>) => void;

/** How a handler's work on a job ended: done (with what pg-boss keeps as the job's output), or failed. */
export type JobOutcome = { output?: object } | { error: unknown };

/**
 * Completes a job, or fails it (pg-boss then retries it, or dead-letters it after the last retry).
 * A job that cannot be settled (the database is away) stays active until it expires and is then
 * handed out again: every handler must make a second attempt harmless.
 */
export async function settleJob(boss: PgBoss, queue: string, jobId: string, outcome: JobOutcome, log: Log) {
  try {
    if ("error" in outcome) await boss.fail(queue, jobId, { message: errorText(outcome.error) });
    else await boss.complete(queue, jobId, outcome.output);
  } catch (error) {
    log({ msg: "could not settle a queue job", queue, jobId, error: errorText(error) });
  }
}

export type QueueLoop = { stop(): Promise<void> };

/**
 * Fetches batches from `queue` and hands each job to `handle` until stopped; a full batch is
 * followed by the next fetch at once, otherwise it waits the polling interval. `stop()` resolves
 * once the fetch in flight (if any) and its jobs are done. `handle` settles each job (settleJob).
 *
 * Every queue of the project is worked through this loop, never pg-boss's `work()`: its graceful
 * stop waits neither for a fetch in flight nor for a job's completion to be written, so a stopped
 * process could leave a job active until it expired, and a singleton queue (the billing runs)
 * stalled until then.
 */
export function pollQueue<T extends object>(
  boss: PgBoss,
  queue: string,
  opts: { batchSize: number; pollingIntervalSeconds: number; log: Log },
  handle: (job: PgBoss.JobWithMetadata<T>) => Promise<void>,
): QueueLoop {
  let stopping = false;
  let wake: (() => void) | null = null;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, opts.pollingIntervalSeconds * 1000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (wake = null));
  const done = (async () => {
    while (!stopping) {
      let jobs: PgBoss.JobWithMetadata<T>[] = [];
      try {
        jobs = await boss.fetch<T>(queue, { batchSize: opts.batchSize, includeMetadata: true });
      } catch (error) {
        opts.log({ msg: "queue fetch failed", queue, error: errorText(error) });
      }
      await Promise.all(jobs.map((job) => inJobSpan(queue, job, () => handle(job))));
      if (jobs.length < opts.batchSize && !stopping) await pause();
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
