import { PrismaPg } from "@prisma/adapter-pg";
import PgBoss from "pg-boss";
import { BILLING_QUEUE, ensureBillingSchedule } from "../../lib/billing/service.ts";
import { dayKeyOf } from "../../lib/calendar/zoned.ts";
import { messageIdFor } from "../../lib/email/worker.ts";
import { createInvoice, sendInvoice, voidInvoice } from "../../lib/invoices/mutations.ts";
import { createInvoiceSchema, recordPaymentSchema } from "../../lib/invoices/schemas.ts";
import { recordPayment } from "../../lib/payments/mutations.ts";
import { createJob, createStudio } from "../../prisma/factories.ts";
import { PrismaClient } from "../../prisma/generated/prisma/client.ts";
import { localSecrets } from "../lib/paths.ts";
import { startBackgroundServices, type BackgroundServices } from "../lib/services.ts";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink.ts";
import { sleep, summarize, waitUntil, type DrillContext, type DrillResult } from "./lib/context.ts";

const USD = { currency: "USD", locale: "en-US" };
const DAY = 86_400_000;
/** The billing queue's expiry in this throwaway database (production: 15 min); a run here takes about 100 s on a busy 2-core machine. */
const EXPIRE_SECONDS = 150;

type Kind = "open" | "retainer-paid" | "paid" | "void";

type Round = {
  how: "SIGTERM" | "SIGKILL";
  invoices: Record<Kind, number>;
  /** Reminders the run owes: one per unpaid installment of a live invoice (the latest offset due). */
  expected: number;
  /** Reminder rows committed when the service was stopped or killed. */
  killedAfter: number;
  reminders: number;
  missing: number;
  /** Installment + offset pairs with more than one reminder row, or a reminder with more than one email. */
  doubled: number;
  forPaidOrVoid: number;
  received: number;
  receivedTwice: number;
  notReceived: number;
  /** From the restart (SIGTERM) or the kill (SIGKILL) until every reminder was committed; null when not in time. */
  recoverySeconds: number | null;
  /** Workflow emails due (one per job), and how many went once, twice or not at all. */
  workflowEmails: {
    due: number;
    sent: number;
    doubled: number;
    received: number;
    receivedTwice: number;
    notReceived: number;
  };
};

/**
 * (f) The billing service is stopped in the middle of a run and started again; every reminder
 * due must be committed and delivered exactly once, none for a paid or void invoice. A run is
 * one short transaction per reminder, so "mid-run" means the drill's studio has enough invoices
 * that one run takes seconds, and the service is stopped once a third of its reminders are in.
 * Two rounds on fresh invoices: a graceful restart (SIGTERM: the run in progress finishes) and
 * a crash (SIGKILL: the supervisor starts a new service a second later, whose catch-up run waits
 * until pg-boss expires the dead run; the expiry is 150 s here instead of the production 15 min).
 * Each job also has a workflow email due: the same run sends it after the reminders (so it goes
 * in the run the graceful stop lets finish, or in the run after the crash), once.
 */
export async function restartBilling(ctx: DrillContext, opts: { invoices: number }): Promise<DrillResult> {
  const started = Date.now();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ctx.db.primaryUrl }) });
  const boss = new PgBoss({
    connectionString: ctx.db.primaryUrl,
    max: 1,
    schedule: false,
    supervise: false,
    application_name: "shootq-drill",
  });
  await boss.start();
  try {
    await ensureBillingSchedule(boss);
    const { policy, retryLimit, retryDelay } = (await boss.getQueue(BILLING_QUEUE))!;
    await boss.updateQueue(BILLING_QUEUE, {
      name: BILLING_QUEUE,
      policy,
      retryLimit,
      retryDelay,
      expireInSeconds: EXPIRE_SECONDS,
    });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const sink: SmtpSink = await startSmtpSink();
  const { studio, owner } = await createStudio(prisma, { timeZone: "America/New_York" });
  const appEnv = {
    ...localSecrets(),
    DATABASE_URL: ctx.db.primaryUrl,
    DATABASE_REPLICA_URLS: ctx.db.replicaUrls.join(","),
  };
  // The invoices are made here through the domain functions, which read the app's environment
  // (the link secret): the same one the app nodes and the services have.
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

  /**
   * Invoices sent 40 days ago with a retainer due then and the balance due 30 days later: both
   * are overdue, and "3 days overdue" is the one reminder each owes. A tenth are paid in full,
   * a tenth void, a fifth have their retainer paid (only the balance is reminded).
   */
  async function makeInvoices(tag: string) {
    const sentAt = new Date(Date.now() - 40 * DAY);
    const kinds: Kind[] = Array.from({ length: opts.invoices }, (_, i) =>
      i % 10 === 0 ? "paid" : i % 10 === 1 ? "void" : i % 10 < 4 ? "retainer-paid" : "open",
    );
    const ids = new Map<Kind, string[]>();
    for (let i = 0; i < kinds.length; i++) {
      const job = await createJob(prisma, {
        studioId: studio.id,
        date: null,
        contact: { name: `Drill Client ${i}`, email: `billing-${tag}-${i}@example.com` },
      });
      await prisma.scheduledEmail.create({
        data: {
          studioId: studio.id,
          jobId: job.id,
          workflow: "Drill",
          name: `Drill email ${i}`,
          subject: `Drill ${tag} for {{client.first_name}}`,
          body: "Hi {{client.first_name}},\n\nA workflow email.",
          sendAt: new Date(Date.now() - 3_600_000),
        },
      });
      const input = createInvoiceSchema.parse({
        jobId: job.id,
        title: `Drill ${tag} #${i}`,
        description: ["Coverage"],
        unitPrice: ["3000"],
        retainer: "1000",
        ...USD,
      });
      await prisma.$transaction(
        async (t) => {
          const tx = t as never;
          const { id } = await createInvoice(tx, { studioId: studio.id, input, now: sentAt });
          await sendInvoice(tx, { studioId: studio.id, invoiceId: id, now: sentAt });
          const pay = (amount: string) =>
            recordPayment(tx, {
              studioId: studio.id,
              userId: owner.id,
              input: recordPaymentSchema.parse({
                invoiceId: id,
                method: "CHECK",
                amount,
                // The studio's day, not UTC's: from 00:00 to 05:00 UTC that is a day later.
                receivedOn: dayKeyOf(sentAt, studio.timeZone),
                ...USD,
              }),
              now: sentAt,
            });
          if (kinds[i] === "paid") await pay("3000");
          if (kinds[i] === "retainer-paid") await pay("1000");
          if (kinds[i] === "void")
            await voidInvoice(tx, { studioId: studio.id, invoiceId: id, reissue: false, now: sentAt });
          ids.set(kinds[i], [...(ids.get(kinds[i]) ?? []), id]);
        },
        { timeout: 30_000 },
      );
    }
    return ids;
  }

  const rounds: Round[] = [];
  try {
    for (const how of ["SIGTERM", "SIGKILL"] as const) {
      const tag = `${how}-${Date.now().toString(36)}`;
      const ids = await makeInvoices(tag);
      const live = [...(ids.get("open") ?? []), ...(ids.get("retainer-paid") ?? [])];
      const dead = [...(ids.get("paid") ?? []), ...(ids.get("void") ?? [])];
      const owed = await prisma.installment.findMany({
        where: { invoiceId: { in: live }, status: { in: ["OPEN", "OVERDUE"] } },
        select: { id: true },
      });
      const owedIds = owed.map((i) => i.id);
      const committed = () => prisma.reminder.count({ where: { installmentId: { in: owedIds } } });
      services = start();
      await waitUntil(async () => (await committed()) >= Math.ceil(owedIds.length / 3), 120_000);
      const killedAfter = await committed();
      ctx.log(`  ${how} to the billing service after ${killedAfter} of ${owedIds.length} reminders`);
      let restartedAt: number;
      if (how === "SIGTERM") {
        // A deploy: the old service finishes its run and stops, then a new one starts.
        await services.stop();
        restartedAt = Date.now();
        services = start();
      } else {
        process.kill(services.pid("billing")!, "SIGKILL");
        restartedAt = Date.now();
      }
      const seconds = await waitUntil(
        async () => (await committed()) >= owedIds.length,
        how === "SIGKILL" ? EXPIRE_SECONDS * 1000 + 180_000 : 120_000,
      );
      const recoverySeconds = seconds === null ? null : Math.round((Date.now() - restartedAt) / 100) / 10;
      // Another run or two on top (the schedule is every minute; a restart runs at once), then every email delivered.
      await services.stop();
      services = start();
      const emailsOf = async (kind = "installment.reminder") =>
        prisma.emailMessage.findMany({
          where: { studioId: studio.id, kind, to: { startsWith: `billing-${tag}-` } },
          select: { id: true, status: true, params: true },
        });
      await waitUntil(
        async () => [...(await emailsOf()), ...(await emailsOf("workflow.email"))].every((e) => e.status === "SENT"),
        120_000,
      );
      await sleep(2_000);
      await services.stop();
      services = null;

      const reminders = await prisma.reminder.findMany({
        where: { installment: { invoiceId: { in: [...live, ...dead] } } },
        select: { id: true, installmentId: true, offsetDays: true, installment: { select: { invoiceId: true } } },
      });
      const emails = await emailsOf();
      const byPair = new Map<string, number>();
      for (const r of reminders)
        byPair.set(`${r.installmentId}/${r.offsetDays}`, (byPair.get(`${r.installmentId}/${r.offsetDays}`) ?? 0) + 1);
      const emailsByReminder = new Map<string, string[]>();
      for (const e of emails) {
        const reminderId = String((e.params as { reminderId?: string }).reminderId);
        emailsByReminder.set(reminderId, [...(emailsByReminder.get(reminderId) ?? []), e.id]);
      }
      const received = sink.accepted.filter((m) => emails.some((e) => messageIdFor(e.id) === m.messageId));
      const receivedIds = new Set(received.map((m) => m.messageId));
      const deadSet = new Set(dead);
      const scheduled = await prisma.scheduledEmail.findMany({
        where: { studioId: studio.id, subject: { startsWith: `Drill ${tag} ` } },
        select: { id: true, status: true },
      });
      const workflowEmails = await emailsOf("workflow.email");
      const perScheduled = new Map<string, number>();
      for (const e of workflowEmails) {
        const id = String((e.params as { scheduledEmailId?: string }).scheduledEmailId);
        perScheduled.set(id, (perScheduled.get(id) ?? 0) + 1);
      }
      const workflowReceived = sink.accepted.filter((m) =>
        workflowEmails.some((e) => messageIdFor(e.id) === m.messageId),
      );
      const workflowReceivedIds = new Set(workflowReceived.map((m) => m.messageId));
      rounds.push({
        how,
        invoices: {
          open: ids.get("open")?.length ?? 0,
          "retainer-paid": ids.get("retainer-paid")?.length ?? 0,
          paid: ids.get("paid")?.length ?? 0,
          void: ids.get("void")?.length ?? 0,
        },
        expected: owedIds.length,
        killedAfter,
        reminders: reminders.length,
        missing: owedIds.filter((id) => !reminders.some((r) => r.installmentId === id)).length,
        doubled:
          [...byPair.values()].filter((n) => n > 1).length +
          [...emailsByReminder.values()].filter((e) => e.length > 1).length +
          reminders.filter((r) => !emailsByReminder.has(r.id)).length,
        forPaidOrVoid: reminders.filter((r) => deadSet.has(r.installment.invoiceId)).length,
        received: received.length,
        receivedTwice: received.length - receivedIds.size,
        notReceived: emails.filter((e) => !receivedIds.has(messageIdFor(e.id))).length,
        recoverySeconds,
        workflowEmails: {
          due: scheduled.length,
          sent: scheduled.filter((e) => e.status === "SENT" && perScheduled.get(e.id) === 1).length,
          doubled: [...perScheduled.values()].filter((n) => n > 1).length,
          received: workflowReceived.length,
          receivedTwice: workflowReceived.length - workflowReceivedIds.size,
          notReceived: workflowEmails.filter((e) => !workflowReceivedIds.has(messageIdFor(e.id))).length,
        },
      });
      ctx.log(`  ${how}: ${JSON.stringify(rounds.at(-1))}`);
    }
  } finally {
    await services?.stop();
    await prisma.$disconnect();
    await sink.close();
  }
  const checks = rounds.flatMap((r) => {
    const name = r.how === "SIGTERM" ? "graceful restart" : "crash and restart";
    return [
      {
        what: `${name}: stopped mid-run`,
        ok: r.killedAfter > 0 && r.killedAfter < r.expected,
        detail: `${r.killedAfter} of ${r.expected} reminders committed when stopped`,
      },
      {
        what: `${name}: every reminder due committed once, with one email`,
        ok: r.missing === 0 && r.doubled === 0 && r.reminders === r.expected,
        detail: JSON.stringify(r),
      },
      {
        what: `${name}: none for a paid or void invoice`,
        ok: r.forPaidOrVoid === 0,
        detail: `${r.invoices.paid} paid, ${r.invoices.void} void invoices: ${r.forPaidOrVoid} reminders`,
      },
      {
        what: `${name}: every reminder email received exactly once`,
        ok: r.received === r.expected && r.receivedTwice === 0 && r.notReceived === 0,
        detail: `${r.received} received, ${r.receivedTwice} twice, ${r.notReceived} not received`,
      },
      {
        what: `${name}: every workflow email due sent and received exactly once`,
        ok:
          r.workflowEmails.due === opts.invoices &&
          r.workflowEmails.sent === r.workflowEmails.due &&
          r.workflowEmails.doubled === 0 &&
          r.workflowEmails.received === r.workflowEmails.due &&
          r.workflowEmails.receivedTwice === 0 &&
          r.workflowEmails.notReceived === 0,
        detail: JSON.stringify(r.workflowEmails),
      },
    ];
  });
  return summarize("f", "kill and restart the billing service", started, checks, {
    sent: rounds.reduce((n, r) => n + r.expected + r.workflowEmails.due, 0),
    failed: rounds.reduce(
      (n, r) => n + r.missing + r.doubled + r.workflowEmails.doubled + (r.workflowEmails.due - r.workflowEmails.sent),
      0,
    ),
    dataLost: rounds.reduce((n, r) => n + r.missing, 0),
    details: {
      rounds,
      note: `the billing queue's expiry is ${EXPIRE_SECONDS} s in this drill (production: 15 min), so a crashed run is handed out again quickly`,
    },
  });
}
