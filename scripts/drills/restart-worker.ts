import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { queueEmail } from "../../lib/email/outbox.ts";
import { ensureQueueSchema } from "../../lib/email/queue.ts";
import { PrismaClient } from "../../prisma/generated/prisma/client.ts";
import { localSecrets } from "../lib/paths.ts";
import { startBackgroundServices, type BackgroundServices } from "../lib/services.ts";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink.ts";
import { sleep, summarize, waitUntil, type DrillContext, type DrillResult } from "./lib/context.ts";

async function countSent(url: string, tag: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "EmailMessage" WHERE subject LIKE $1 AND status = 'SENT'`,
      [`Drill ${tag} %`],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

type Round = {
  how: "SIGTERM" | "SIGKILL";
  queued: number;
  /** Emails the sink had accepted when the worker was stopped. */
  killedAfter: number;
  received: number;
  unique: number;
  duplicates: number;
  missing: number;
  sentInDatabase: number;
  /** From the restart (SIGTERM) or the kill (SIGKILL) until every email was SENT; null when that did not happen in time. */
  recoverySeconds: number | null;
};

/**
 * (c) N emails are queued; the worker is stopped mid-way and started again; the SMTP sink must
 * receive each exactly once. Two rounds: a graceful restart (SIGTERM, as a deploy does) and a
 * crash (SIGKILL). After a crash, a delivery the SMTP server accepted but the worker never
 * recorded is sent again with the same Message-ID: counted here as a duplicate delivery.
 */
export async function restartWorker(ctx: DrillContext, opts: { emails: number }): Promise<DrillResult> {
  const started = Date.now();
  // Short expiry and retry delay in this throwaway database: a job whose worker died is handed
  // out again after seconds instead of the production minute.
  await ensureQueueSchema(ctx.db.primaryUrl, { retryLimit: 6, retryDelaySeconds: 1, expireInSeconds: 4 });
  const sink: SmtpSink = await startSmtpSink({ dataDelayMs: 60 });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ctx.db.primaryUrl }) });
  // The worker runs as `npm start` and the cluster run it: through the background-services supervisor.
  const appEnv = {
    ...localSecrets(),
    DATABASE_URL: ctx.db.primaryUrl,
    DATABASE_REPLICA_URLS: ctx.db.replicaUrls.join(","),
  };
  // queueEmail reads the app's environment (the studio's daily quota): the same as the services'.
  Object.assign(process.env, appEnv);
  let services: BackgroundServices | null = null;
  const start = () =>
    startBackgroundServices({
      env: {
        ...process.env,
        ...appEnv,
        APP_URL: "http://localhost:3000",
        SMTP_URL: sink.url,
        MAIL_FROM: "ShootQ Drill <drill@shootq.local>",
        EMAIL_WORKER_CONCURRENCY: "4",
      },
      log: (line) => ctx.log(`  ${line}`),
      quiet: true,
    });
  const rounds: Round[] = [];
  try {
    for (const how of ["SIGTERM", "SIGKILL"] as const) {
      const tag = `${how}-${Date.now().toString(36)}`;
      const subjects = new Set<string>();
      await prisma.$transaction(async (tx) => {
        for (let i = 0; i < opts.emails; i++) {
          const subject = `Drill ${tag} #${i}`;
          subjects.add(subject);
          await queueEmail(tx as never, {
            studioId: ctx.big.studioId,
            kind: "system.notice",
            to: `client-${i}@example.com`,
            params: { subject, text: `Email ${i} of a worker drill.` },
          });
        }
      });
      const mine = () => sink.accepted.filter((m) => subjects.has(m.subject));
      services = start();
      await waitUntil(async () => mine().length >= Math.ceil(opts.emails / 3), 60_000);
      const killedAfter = mine().length;
      ctx.log(`  ${how} to the worker after ${killedAfter} of ${opts.emails} emails`);
      let restartedAt: number;
      if (how === "SIGTERM") {
        // A deploy: the old worker stops gracefully, then a new one starts.
        await services.stop();
        restartedAt = Date.now();
        services = start();
      } else {
        // A crash: the supervisor notices and starts a new worker a second later.
        process.kill(services.pid("worker")!, "SIGKILL");
        restartedAt = Date.now();
      }
      // After a crash, an attempt in flight is retried once pg-boss expires it (4 s here) in a
      // maintenance pass (every 15 s in the worker); allow for several passes.
      const seconds = await waitUntil(
        async () => (await countSent(ctx.db.primaryUrl, tag)) === opts.emails,
        how === "SIGKILL" ? 270_000 : 60_000,
      );
      const recoverySeconds = seconds === null ? null : Math.round((Date.now() - restartedAt) / 100) / 10;
      await sleep(1_000);
      await services.stop();
      services = null;
      const received = mine();
      const unique = new Set(received.map((m) => m.subject));
      rounds.push({
        how,
        queued: opts.emails,
        received: received.length,
        unique: unique.size,
        duplicates: received.length - unique.size,
        missing: [...subjects].filter((s) => !unique.has(s)).length,
        sentInDatabase: await countSent(ctx.db.primaryUrl, tag),
        recoverySeconds,
        killedAfter,
      });
      ctx.log(`  ${how}: ${JSON.stringify(rounds.at(-1))}`);
    }
  } finally {
    await services?.stop();
    await prisma.$disconnect();
    await sink.close();
  }
  const [graceful, crash] = rounds;
  const checks = [
    {
      what: "graceful restart: every email received exactly once",
      ok: graceful.missing === 0 && graceful.duplicates === 0,
      detail: JSON.stringify(graceful),
    },
    {
      what: "crash and restart: no email lost",
      ok: crash.missing === 0 && crash.sentInDatabase === crash.queued,
      detail: JSON.stringify(crash),
    },
    {
      what: "crash and restart: no email received twice",
      ok: crash.duplicates === 0,
      detail: `${crash.duplicates} duplicate deliveries (same Message-ID, so a receiver can drop them)`,
    },
  ];
  return summarize("c", "kill and restart the worker", started, checks, {
    sent: rounds.reduce((n, r) => n + r.queued, 0),
    failed: rounds.reduce((n, r) => n + r.missing, 0),
    dataLost: rounds.reduce((n, r) => n + r.missing, 0),
    details: {
      rounds,
      note: "the queue's expiry is 4 s in this drill (production: 120 s), so a crashed attempt is retried quickly",
    },
  });
}
