import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { queueEmail } from "../../lib/email/outbox.ts";
import { ensureQueueSchema } from "../../lib/email/queue.ts";
import { PrismaClient } from "../../prisma/generated/prisma/client.ts";
import { localSecrets } from "../lib/paths.ts";
import { startBackgroundServices, type BackgroundServices } from "../lib/services.ts";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink.ts";
import { sleep, summarize, waitUntil, type DrillContext, type DrillResult } from "./lib/context.ts";

/** The subjects of this round's emails the database has as SENT. */
async function sentSubjects(url: string, tag: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ subject: string }>(
      `SELECT subject FROM "EmailMessage" WHERE subject LIKE $1 AND status = 'SENT'`,
      [`Drill ${tag} %`],
    );
    return new Set(rows.map((r) => r.subject));
  } finally {
    await client.end();
  }
}

const countSent = async (url: string, tag: string) => (await sentSubjects(url, tag)).size;

const CONCURRENCY = 4;

type Round = {
  how: "SIGTERM" | "SIGKILL";
  queued: number;
  /** Emails the sink had accepted when the worker was stopped. */
  killedAfter: number;
  received: number;
  unique: number;
  duplicates: number;
  /** Emails received more than once whose copies do not all carry one Message-ID. */
  duplicatesWithAnotherMessageId: number;
  /** Emails received more than twice. */
  receivedThrice: number;
  /**
   * Emails received twice that the database already had as SENT at the kill: a recorded delivery
   * sent again (only an email in flight at the kill, accepted but not yet recorded, may be).
   */
  duplicatesRecordedBeforeKill: number;
  missing: number;
  sentInDatabase: number;
  /** From the restart (SIGTERM) or the kill (SIGKILL) until every email was SENT; null when that did not happen in time. */
  recoverySeconds: number | null;
};

/**
 * (c) N emails are queued; the worker is stopped mid-way and started again. Two rounds: a graceful
 * restart (SIGTERM, as a deploy does): the SMTP sink must receive each exactly once; and a crash
 * (SIGKILL): none may be lost, and only an email in flight at the kill may arrive twice.
 *
 * Why a crash is at-least-once: an SMTP server takes responsibility for a message when it answers
 * 250 to DATA, and the worker can record that only after the answer arrives. A worker killed
 * between the two leaves an email the server has but the database does not; recording it before
 * the final "." instead would lose the email when the kill lands before the server has it. ShootQ
 * chooses never to lose one: such an email is sent again with the same Message-ID, which receivers
 * (Gmail among them) use to drop the copy. The drill checks that bound: a copy only for an email
 * not yet SENT in the database at the kill, at most one per delivery in flight, one Message-ID.
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
        EMAIL_WORKER_CONCURRENCY: String(CONCURRENCY),
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
      let sentAtKill: Set<string> | null = null;
      if (how === "SIGTERM") {
        // A deploy: the old worker stops gracefully, then a new one starts.
        await services.stop();
        restartedAt = Date.now();
        services = start();
      } else {
        // A crash: the supervisor notices and starts a new worker a second later.
        process.kill(services.pid("worker")!, "SIGKILL");
        restartedAt = Date.now();
        // What the dead worker recorded (the new one starts a second later and retries nothing
        // before the expiry): an email SENT here must not reach the sink again.
        sentAtKill = await sentSubjects(ctx.db.primaryUrl, tag);
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
      const copies = new Map<string, typeof received>();
      for (const m of received) copies.set(m.subject, [...(copies.get(m.subject) ?? []), m]);
      const repeated = [...copies].filter(([, messages]) => messages.length > 1);
      rounds.push({
        how,
        queued: opts.emails,
        received: received.length,
        unique: copies.size,
        duplicates: received.length - copies.size,
        duplicatesWithAnotherMessageId: repeated.filter(([, m]) => new Set(m.map((x) => x.messageId)).size > 1).length,
        receivedThrice: repeated.filter(([, m]) => m.length > 2).length,
        duplicatesRecordedBeforeKill: repeated.filter(([subject]) => sentAtKill?.has(subject)).length,
        missing: [...subjects].filter((s) => !copies.has(s)).length,
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
      what: `crash and restart: an email arrives twice only if it was in flight at the kill (not yet SENT in the database; at most ${CONCURRENCY}, one each), with one Message-ID`,
      ok:
        crash.duplicates <= CONCURRENCY &&
        crash.receivedThrice === 0 &&
        crash.duplicatesRecordedBeforeKill === 0 &&
        crash.duplicatesWithAnotherMessageId === 0,
      detail: `${crash.duplicates} received twice (in flight at the kill), ${crash.duplicatesRecordedBeforeKill} of them recorded as SENT before it, ${crash.receivedThrice} three times or more, ${crash.duplicatesWithAnotherMessageId} with another Message-ID`,
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
