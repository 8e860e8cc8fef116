import type PgBoss from "pg-boss";

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
