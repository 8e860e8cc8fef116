import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import PgBoss from "pg-boss";
// Relative imports: the worker runs under tsx from any working directory, without the "@/" alias.
import { metrics } from "../metrics/registry";
import { notify } from "../notifications/mutations";
import { errorText, pollQueue, settleJob } from "../queues";
import { createServiceDb } from "../service-db";
import { startBounceReceiver, type BounceReceiver } from "./bounce-receiver";
import { bounceAddressFor } from "./bounces";
import { recordEmailEvent } from "./history";
import { type EmailKind } from "./kind";
import { LEGACY_KIND } from "./kinds";
import { EMAIL_DEAD_LETTER_QUEUE, EMAIL_QUEUE, type EmailJob } from "./queue";
import { renderOutboxEmail } from "./render";
import { senderHeaders } from "./sender";
import { logEntry } from "../log";

export type EmailWorkerOptions = {
  databaseUrl: string;
  smtpUrl: string;
  from: string;
  /** The public origin the links in emails point at (APP_URL). */
  origin: string;
  /** Where kinds are looked up; tests add their own. */
  kinds?: (kind: string) => EmailKind | undefined;
  /** Emails delivered at the same time by this process. */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  log?: (entry: Record<string, unknown>) => void;
  /**
   * BOUNCE_ADDRESS and BOUNCE_SMTP_PORT: each email's envelope sender names it (lib/email/bounces.ts)
   * and this process receives the reports sent back there. Without them, the envelope sender is
   * MAIL_FROM's address and only refusals during delivery are seen.
   */
  bounces?: { address: string; secret: string; port: number; host?: string };
};

export type EmailWorker = { bouncePort: number | null; stop(): Promise<void> };

type Outcome = "sent" | "already-sent" | "not-queued" | "missing" | "cancelled" | "failed";

/** The Message-ID is derived from the row, so a receiver can recognise a redelivery. */
export const messageIdFor = (emailId: string) => `<${emailId}@shootq>`;

/**
 * Works the email queue: each job delivers one EmailMessage over SMTP. The row is locked
 * (SELECT … FOR UPDATE) for the whole attempt and skipped when already SENT, so a job that
 * pg-boss hands out twice (a restart, an expired attempt still finishing) never sends twice.
 * Failures are retried by pg-boss with backoff; the last one marks the email FAILED.
 */
export async function startEmailWorker(options: EmailWorkerOptions): Promise<EmailWorker> {
  const log = options.log ?? logEntry();
  const db = createServiceDb(options.databaseUrl, "shootq-email-worker", (options.concurrency ?? 4) + 2);
  // nodemailer ignores every other option when given `url`, so the URL is parsed first.
  // Pooled: SMTP servers make each new connection wait for its greeting, so connections are reused.
  const transport = nodemailer.createTransport({
    ...parseConnectionUrl(options.smtpUrl),
    pool: true,
    maxConnections: options.concurrency ?? 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  // Frequent maintenance finds a crashed worker's expired jobs soon after they expire, so a
  // SIGKILLed worker's in-flight emails are retried within about a minute and a quarter.
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: 15,
    application_name: "shootq-email-queue",
  });
  boss.on("error", (error) => log({ msg: "queue error", error: errorText(error) }));
  await boss.start();
  const bounces = options.bounces;
  const receiver: BounceReceiver | null = bounces
    ? await startBounceReceiver({
        db,
        bounceAddress: bounces.address,
        secret: bounces.secret,
        port: bounces.port,
        host: bounces.host,
        log,
      })
    : null;

  async function deliver(emailId: string, isLastAttempt: boolean): Promise<{ outcome: Outcome; error?: string }> {
    return db.$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text AS status FROM "EmailMessage" WHERE id = ${emailId} FOR UPDATE`;
        if (!locked) return { outcome: "missing" };
        if (locked.status === "SENT") return { outcome: "already-sent" };
        if (locked.status !== "QUEUED") return { outcome: "not-queued" };
        const email = await tx.emailMessage.findUniqueOrThrow({
          where: { id: emailId },
          select: { id: true, studioId: true, kind: true, to: true, subject: true, params: true },
        });
        const event = { emailId: email.id, studioId: email.studioId };
        try {
          // Rendered now, inside the row lock: links carry tokens derived at this moment, and
          // an email whose subject went away (a withdrawn invitation) is cancelled, not sent.
          const rendered = await renderOutboxEmail(tx, email, { origin: options.origin, kinds: options.kinds });
          if (!rendered.ok) {
            await tx.emailMessage.update({
              where: { id: email.id },
              data: { status: "CANCELLED", lastError: rendered.reason },
              select: { id: true },
            });
            await recordEmailEvent(tx, { ...event, kind: "NOT_SENT", detail: rendered.reason });
            return { outcome: "cancelled" };
          }
          const { subject, text, html, attachments, sender, replyTo } = rendered;
          await transport.sendMail({
            messageId: messageIdFor(email.id),
            ...(bounces
              ? { envelope: { from: bounceAddressFor(bounces.address, email.id, bounces.secret), to: email.to } }
              : {}),
            ...(await senderHeaders(tx, { platformFrom: options.from, studioId: email.studioId, sender, replyTo })),
            to: email.to,
            subject,
            text,
            html,
            attachments,
          });
        } catch (error) {
          const message = errorText(error);
          await tx.emailMessage.update({
            where: { id: email.id },
            data: { attempts: { increment: 1 }, lastError: message, status: isLastAttempt ? "FAILED" : "QUEUED" },
            select: { id: true },
          });
          await recordEmailEvent(tx, { ...event, kind: "ATTEMPT_FAILED", detail: message });
          if (isLastAttempt) await recordEmailEvent(tx, { ...event, kind: "FAILED" });
          if (isLastAttempt && email.studioId) await notifyFailure(tx, email);
          return { outcome: "failed", error: message };
        }
        await tx.emailMessage.update({
          where: { id: email.id },
          // A migrated email's stored text may hold a link: it goes once the email is out.
          data: {
            status: "SENT",
            sentAt: new Date(),
            attempts: { increment: 1 },
            lastError: null,
            ...(email.kind === LEGACY_KIND ? { params: {} } : {}),
          },
          select: { id: true },
        });
        await recordEmailEvent(tx, { ...event, kind: "SENT" });
        return { outcome: "sent" };
      },
      { maxWait: 10_000, timeout: 45_000 },
    );
  }

  // pg-boss gave up on a job (last retry failed, or it expired while active): the email is FAILED
  // unless an attempt still finishing gets it out first (the lock makes us wait for it).
  async function giveUp(emailId: string): Promise<Outcome> {
    return db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<
        { status: string }[]
      >`SELECT status::text AS status FROM "EmailMessage" WHERE id = ${emailId} FOR UPDATE`;
      if (!locked) return "missing";
      if (locked.status !== "QUEUED") return "not-queued";
      const email = await tx.emailMessage.update({
        where: { id: emailId },
        data: { status: "FAILED", lastError: "Delivery gave up after the last retry." },
        select: { id: true, studioId: true, to: true, subject: true },
      });
      await recordEmailEvent(tx, { emailId: email.id, studioId: email.studioId, kind: "FAILED" });
      if (email.studioId) await notifyFailure(tx, email);
      return "failed";
    });
  }

  const concurrency = options.concurrency ?? 4;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;

  async function handle(job: PgBoss.JobWithMetadata<EmailJob>) {
    const isLastAttempt = job.retryCount >= job.retryLimit;
    let result: { outcome: Outcome; error?: string };
    try {
      result = await deliver(job.data.emailId, isLastAttempt);
    } catch (error) {
      result = { outcome: "failed", error: errorText(error) };
    }
    metrics().emailDeliveries.inc({ outcome: result.outcome });
    log({
      msg: "email delivery",
      emailId: job.data.emailId,
      attempt: job.retryCount + 1,
      outcome: result.outcome,
      error: result.error,
    });
    // Each job of a batch is settled on its own: pg-boss retries (or dead-letters) only the failed ones.
    // A job left unsettled is handed out again: the row lock and status check make that harmless.
    await settleJob(
      boss,
      EMAIL_QUEUE,
      job.id,
      result.outcome === "failed"
        ? { error: result.error ?? "delivery failed" }
        : { output: { outcome: result.outcome } },
      log,
    );
  }

  // One loop per queue fetching up to `concurrency` jobs at a time; each in-flight delivery holds
  // one database connection (the row lock) and one SMTP connection.
  const loops = [
    pollQueue<EmailJob>(boss, EMAIL_QUEUE, { batchSize: concurrency, pollingIntervalSeconds, log }, handle),
    pollQueue<EmailJob>(boss, EMAIL_DEAD_LETTER_QUEUE, { batchSize: 1, pollingIntervalSeconds, log }, async (job) => {
      try {
        const outcome = await giveUp(job.data.emailId);
        log({ msg: "email gave up", emailId: job.data.emailId, outcome });
        await settleJob(boss, EMAIL_DEAD_LETTER_QUEUE, job.id, { output: { outcome } }, log);
      } catch (error) {
        log({ msg: "email give-up failed", emailId: job.data.emailId, error: errorText(error) });
        await settleJob(boss, EMAIL_DEAD_LETTER_QUEUE, job.id, { error }, log);
      }
    }),
  ];

  return {
    bouncePort: receiver?.port ?? null,
    async stop() {
      // Graceful: the loops fetch nothing more, and every job already fetched is delivered and
      // settled (its transaction committed) before the connections close. pg-boss's own graceful
      // stop does not cover a fetch in flight: its jobs stayed active until they expired.
      await Promise.all(loops.map((loop) => loop.stop()));
      await boss.stop({ graceful: false, wait: true });
      await receiver?.stop();
      transport.close();
      await db.$disconnect();
    },
  };
}

type FailedEmail = { id: string; studioId: string | null; to: string; subject: string };

async function notifyFailure(tx: Parameters<typeof notify>[0], email: FailedEmail) {
  await notify(tx, {
    studioId: email.studioId!,
    kind: "email.failed",
    message: `An email to ${email.to} failed to send ("${email.subject}")`,
    link: "/emails",
  });
}
