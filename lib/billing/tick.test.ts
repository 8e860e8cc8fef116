import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashToken } from "@/lib/tokens";
import { startBillingService, type BillingService } from "@/lib/billing/service";
import { runBillingTick } from "@/lib/billing/tick";
import { primaryDb, type Tx } from "@/lib/db";
import { createInvoice, createInvoiceFromProposal, sendInvoice, voidInvoice } from "@/lib/invoices/mutations";
import { createInvoiceSchema, recordPaymentSchema } from "@/lib/invoices/schemas";
import { recordPayment } from "@/lib/payments/mutations";
import { createServiceDb, type ServiceDb } from "@/lib/service-db";
import { linkToken } from "@/lib/tokens";
import { createJob, createStudio } from "@/prisma/factories";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { timeout: 20_000 });
const db = () => primaryDb();
const USD = { currency: "USD", locale: "en-US" };
const SENT_AT = new Date("2027-03-01T15:00:00Z");

const clients: ServiceDb[] = [];
/** A billing service's own connection, as a separate process would have. */
function serviceDb() {
  const client = createServiceDb(process.env.DATABASE_URL!, "billing-test", 3);
  clients.push(client);
  return client;
}
let scratch: ScratchDatabase;
beforeAll(async () => {
  // A billing run reminds and marks overdue every studio of its database, at clock times years
  // ahead: this file gets a database of its own so the studios of the files beside it stay as made.
  scratch = await createScratchDatabase(inject("database"), { prefix: "billing", queue: true });
  process.env.DATABASE_URL = scratch.url;
  process.env.DATABASE_REPLICA_URLS = scratch.replicaUrls.join(",");
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await primaryDb().$disconnect();
  await scratch?.drop();
});

let shared: ServiceDb | undefined;
const tick = (at: string) => runBillingTick((shared ??= serviceDb()), { now: new Date(at) });

/** A wedding on September 18 booked February 20: retainer $1,000 due March 1, balance $4,800 due September 4. */
async function bookedWedding({ timeZone = "America/New_York" }: { timeZone?: string } = {}) {
  const { studio, owner } = await createStudio(db(), { timeZone });
  const job = await createJob(db(), {
    studioId: studio.id,
    title: "Nguyen–Walsh Wedding",
    date: new Date("2027-09-18T00:00:00Z"),
    contact: { name: "Grace Nguyen", email: `grace.${studio.id}@example.com` },
  });
  const proposal = await db().proposal.create({
    data: {
      studioId: studio.id,
      jobId: job.id,
      title: "Full-Day Collection",
      depositCents: 100_000,
      expiresAt: new Date("2027-04-01T00:00:00Z"),
      status: "ACCEPTED",
      respondedAt: new Date("2027-02-20T18:00:00Z"),
      tokenHash: hashToken(`t-${studio.id}-${"x".repeat(32)}`),
      items: { create: [{ position: 0, description: "Coverage", unitPriceCents: 580_000 }] },
    },
  });
  const { id } = await inTx((tx) =>
    createInvoiceFromProposal(tx, { studioId: studio.id, proposalId: proposal.id, now: SENT_AT }),
  );
  await inTx((tx) => sendInvoice(tx, { studioId: studio.id, invoiceId: id, now: SENT_AT }));
  const installments = await db().installment.findMany({ where: { invoiceId: id }, orderBy: { position: "asc" } });
  return { studioId: studio.id, ownerId: owner.id, invoiceId: id, retainer: installments[0], balance: installments[1] };
}

const reminders = (studioId: string) =>
  db().reminder.findMany({
    where: { studioId },
    orderBy: { sentAt: "asc" },
    select: { installmentId: true, offsetDays: true },
  });
const reminderEmails = (studioId: string) =>
  db().emailMessage.findMany({
    where: { studioId, kind: "installment.reminder" },
    orderBy: { createdAt: "asc" },
    select: { subject: true, to: true },
  });

describe("the billing run, with the clock in the test's hands", () => {
  it("sends each reminder at its moment in the studio's time zone, marks overdue at local midnight, and nothing twice", async () => {
    const w = await bookedWedding();
    // The retainer was due the day it was sent (10:00 in New York): no reminder of moments before that.
    await tick("2027-03-01T20:00:00Z");
    expect(await reminders(w.studioId)).toEqual([]);
    await tick("2027-03-02T04:59:59Z");
    expect((await db().installment.findUniqueOrThrow({ where: { id: w.retainer.id } })).status).toBe("OPEN");

    // Midnight in New York (05:00 UTC in winter): the retainer is overdue, once, and the studio hears of it.
    await tick("2027-03-02T05:00:00Z");
    await tick("2027-03-02T05:01:00Z");
    expect(await db().installment.findUniqueOrThrow({ where: { id: w.retainer.id } })).toMatchObject({
      status: "OVERDUE",
      overdueAt: new Date("2027-03-02T05:00:00Z"),
    });
    expect(await db().invoice.findUniqueOrThrow({ where: { id: w.invoiceId } })).toMatchObject({
      overdueSince: new Date("2027-03-02T05:00:00Z"),
    });
    const overdueNews = await db().notification.findMany({
      where: { studioId: w.studioId, kind: "installment.overdue" },
    });
    expect(overdueNews.map((n) => n.message)).toEqual([
      "Grace Nguyen's retainer of $1,000.00 on Nguyen–Walsh Wedding is overdue",
    ]);

    // Three days overdue at 9:00 New York time (14:00 UTC in winter).
    await tick("2027-03-04T13:59:00Z");
    expect(await reminders(w.studioId)).toEqual([]);
    await tick("2027-03-04T14:00:00Z");
    await tick("2027-03-04T14:01:00Z");
    expect(await reminders(w.studioId)).toEqual([{ installmentId: w.retainer.id, offsetDays: 3 }]);
    const overdue = await renderQueuedEmail(db(), { studioId: w.studioId, kind: "installment.reminder" });
    expect(overdue.subject).toBe("Overdue: $1,000.00 for Full-Day Collection");
    expect(overdue.text).toContain(
      "Your retainer of $1,000.00 for Full-Day Collection (invoice 1) was due on Mar 1, 2027 and is now 3 days overdue.",
    );
    expect(overdue.text).toContain(`/i/${linkToken("invoice", w.invoiceId)}`);

    // Paid: no longer overdue. The balance (due September 4) is reminded in daylight time (13:00 UTC).
    await inTx((tx) =>
      recordPayment(tx, {
        studioId: w.studioId,
        userId: w.ownerId,
        input: recordPaymentSchema.parse({
          invoiceId: w.invoiceId,
          method: "CHECK",
          amount: "1000",
          receivedOn: "2027-03-05",
          ...USD,
        }),
        now: new Date("2027-03-05T15:00:00Z"),
      }),
    );
    expect(await db().invoice.findUniqueOrThrow({ where: { id: w.invoiceId } })).toMatchObject({
      overdueSince: null,
      status: "PARTIALLY_PAID",
    });
    await tick("2027-08-28T12:59:00Z");
    expect(await reminders(w.studioId)).toHaveLength(1);
    await tick("2027-08-28T13:00:00Z");
    await tick("2027-09-04T12:59:00Z");
    expect((await reminders(w.studioId)).slice(1)).toEqual([{ installmentId: w.balance.id, offsetDays: -7 }]);
    await tick("2027-09-04T13:00:00Z");
    await tick("2027-09-05T03:59:00Z");
    expect((await db().installment.findUniqueOrThrow({ where: { id: w.balance.id } })).status).toBe("OPEN");
    await tick("2027-09-05T04:00:00Z");
    expect((await db().installment.findUniqueOrThrow({ where: { id: w.balance.id } })).status).toBe("OVERDUE");
    expect((await reminderEmails(w.studioId)).map((e) => e.subject)).toEqual([
      "Overdue: $1,000.00 for Full-Day Collection",
      "Reminder: $4,800.00 due in 7 days for Full-Day Collection",
      "Reminder: $4,800.00 due today for Full-Day Collection",
    ]);
  });

  it("nothing for a paid or a void invoice", async () => {
    const paid = await bookedWedding();
    await inTx((tx) =>
      recordPayment(tx, {
        studioId: paid.studioId,
        userId: paid.ownerId,
        input: recordPaymentSchema.parse({
          invoiceId: paid.invoiceId,
          method: "CASH",
          amount: "5800",
          receivedOn: "2027-03-01",
          ...USD,
        }),
        now: SENT_AT,
      }),
    );
    const voided = await bookedWedding();
    await inTx((tx) =>
      voidInvoice(tx, { studioId: voided.studioId, invoiceId: voided.invoiceId, reissue: false, now: SENT_AT }),
    );
    for (const at of [
      "2027-03-02T05:00:00Z",
      "2027-03-04T14:00:00Z",
      "2027-08-28T13:00:00Z",
      "2027-09-04T13:00:00Z",
      "2027-09-05T04:00:00Z",
      "2027-09-07T13:00:00Z",
    ])
      await tick(at);
    for (const w of [paid, voided]) {
      expect(await reminders(w.studioId)).toEqual([]);
      expect(await db().installment.count({ where: { invoiceId: w.invoiceId, status: "OVERDUE" } })).toBe(0);
    }
  });

  it("a run after a long outage sends only the latest reminder due, worded for the day it goes out", async () => {
    const w = await bookedWedding();
    await inTx((tx) =>
      recordPayment(tx, {
        studioId: w.studioId,
        userId: w.ownerId,
        input: recordPaymentSchema.parse({
          invoiceId: w.invoiceId,
          method: "CHECK",
          amount: "1000",
          receivedOn: "2027-03-01",
          ...USD,
        }),
        now: SENT_AT,
      }),
    );
    // Down from August 20 until September 6: "a week before" and "due today" passed unsent.
    await tick("2027-09-06T12:00:00Z");
    expect(await reminders(w.studioId)).toEqual([{ installmentId: w.balance.id, offsetDays: 0 }]);
    expect((await reminderEmails(w.studioId))[0].subject).toBe("Overdue: $4,800.00 for Full-Day Collection");
    await tick("2027-09-06T13:00:00Z");
    expect(await reminders(w.studioId)).toHaveLength(1);
    expect((await db().installment.findUniqueOrThrow({ where: { id: w.balance.id } })).status).toBe("OVERDUE");
    // The next one comes at its own moment, and the skipped "week before" never follows it.
    await tick("2027-09-07T13:00:00Z");
    expect((await reminders(w.studioId)).map((r) => r.offsetDays)).toEqual([0, 3]);
  });

  it("a studio east of Greenwich is reminded and marked overdue at its own times", async () => {
    const w = await bookedWedding({ timeZone: "Pacific/Auckland" });
    // Sent at 4:00 on March 2 in Auckland (UTC+13): the retainer is due that day.
    expect(
      (await db().installment.findUniqueOrThrow({ where: { id: w.retainer.id } })).dueOn.toISOString().slice(0, 10),
    ).toBe("2027-03-02");
    // 9:00 on March 2 in Auckland is 20:00 on March 1 UTC.
    await tick("2027-03-01T19:59:00Z");
    expect(await reminders(w.studioId)).toEqual([]);
    await tick("2027-03-01T20:00:00Z");
    expect(await reminders(w.studioId)).toEqual([{ installmentId: w.retainer.id, offsetDays: 0 }]);
    await tick("2027-03-02T10:59:00Z");
    expect((await db().installment.findUniqueOrThrow({ where: { id: w.retainer.id } })).status).toBe("OPEN");
    await tick("2027-03-02T11:00:00Z");
    expect((await db().installment.findUniqueOrThrow({ where: { id: w.retainer.id } })).status).toBe("OVERDUE");
  });

  it("a studio that may not send email keeps its reminder for a later run, and the others' reminders still go", async () => {
    const held = await bookedWedding({ timeZone: "Pacific/Auckland" });
    const other = await bookedWedding({ timeZone: "Pacific/Auckland" });
    // The owner has not confirmed their address (yet): ShootQ sends nothing on the studio's behalf.
    await db().user.update({ where: { id: held.ownerId }, data: { emailVerifiedAt: null } });
    await tick("2027-03-01T20:00:00Z");
    expect(await reminders(other.studioId)).toEqual([{ installmentId: other.retainer.id, offsetDays: 0 }]);
    expect(await reminders(held.studioId)).toEqual([]);
    expect(await reminderEmails(held.studioId)).toEqual([]);

    await db().user.update({ where: { id: held.ownerId }, data: { emailVerifiedAt: new Date() } });
    await tick("2027-03-01T20:05:00Z");
    expect(await reminders(held.studioId)).toEqual([{ installmentId: held.retainer.id, offsetDays: 0 }]);
    expect(await reminderEmails(held.studioId)).toHaveLength(1);
  });
});

describe("the billing service", () => {
  let services: BillingService[] = [];
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
  });

  async function dueToday(count: number) {
    const { studio } = await createStudio(db(), { timeZone: "America/New_York" });
    const job = await createJob(db(), {
      studioId: studio.id,
      contact: { name: "Chloe Park", email: `chloe.${studio.id}@example.com` },
    });
    const input = createInvoiceSchema.parse({
      jobId: job.id,
      title: "Portrait session",
      description: ["Session"],
      unitPrice: ["450"],
      ...USD,
    });
    for (let i = 0; i < count; i++) {
      await inTx(async (tx) => {
        const { id } = await createInvoice(tx, { studioId: studio.id, input, now: new Date("2027-05-10T15:00:00Z") });
        await sendInvoice(tx, { studioId: studio.id, invoiceId: id, now: new Date("2027-05-10T15:00:00Z") });
      });
    }
    return studio.id;
  }

  it("two services running at once, and a restart, send each reminder exactly once", async () => {
    const studioId = await dueToday(25);
    // Sent May 10, due May 10: three days overdue at 9:00 on May 13 (13:00 UTC in daylight time).
    const at = new Date("2027-05-13T13:00:00Z");
    const a = await startBillingService({ databaseUrl: process.env.DATABASE_URL!, now: () => at, log: () => {} });
    const b = await startBillingService({ databaseUrl: process.env.DATABASE_URL!, now: () => at, log: () => {} });
    services = [a, b];
    // Both run at the same moment, twice over, besides whatever pg-boss hands them.
    await Promise.all([a.runNow(), b.runNow(), a.runNow(), b.runNow()]);
    expect(await db().reminder.count({ where: { studioId } })).toBe(25);
    expect(await db().emailMessage.count({ where: { studioId, kind: "installment.reminder" } })).toBe(25);

    // A restarted service catches up on start and finds nothing left to do.
    await a.stop();
    const restarted = await startBillingService({
      databaseUrl: process.env.DATABASE_URL!,
      now: () => at,
      log: () => {},
    });
    services = [b, restarted];
    await restarted.runNow();
    expect(await db().reminder.count({ where: { studioId } })).toBe(25);
    const emails = await db().emailMessage.findMany({
      where: { studioId, kind: "installment.reminder" },
      select: { params: true },
    });
    expect(new Set(emails.map((e) => (e.params as { reminderId: string }).reminderId)).size).toBe(25);
  }, 120_000);

  const activeRuns = async () =>
    (
      await db().$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'billing-tick' AND state = 'active'`
    )[0].n;

  it("a service stopped the moment it starts leaves no run active: the next one starts at once", async () => {
    await Promise.all(services.splice(0).map((s) => s.stop()));
    const at = () => new Date("2027-05-13T13:00:00Z");
    // Stopped while its first fetch (or the run it fetched) is in flight, again and again.
    for (let i = 0; i < 5; i++) {
      const service = await startBillingService({ databaseUrl: process.env.DATABASE_URL!, now: at, log: () => {} });
      await service.stop();
      expect(await activeRuns()).toBe(0);
    }
    // A run left active would hold the singleton queue for 15 minutes; the next service runs now.
    const studioId = await dueToday(2);
    const service = await startBillingService({ databaseUrl: process.env.DATABASE_URL!, now: at, log: () => {} });
    services.push(service);
    await service.nextRun();
    expect(await db().reminder.count({ where: { studioId } })).toBe(2);
  }, 120_000);

  it("runs on its own schedule: a started service sends what is due without being asked", async () => {
    // Alone: any running service would take the run pg-boss hands out.
    await Promise.all(services.splice(0).map((s) => s.stop()));
    const studioId = await dueToday(3);
    const service = await startBillingService({
      databaseUrl: process.env.DATABASE_URL!,
      now: () => new Date("2027-05-13T13:00:00Z"),
      log: () => {},
    });
    services.push(service);
    await service.nextRun();
    expect(await db().reminder.count({ where: { studioId } })).toBe(3);
  }, 120_000);
});
