import { describe, expect, it } from "vitest";
import { primaryDb, type Tx } from "@/lib/db";
import { hashToken, linkToken } from "@/lib/tokens";
import {
  applyInstallmentShift,
  createInvoice,
  createInvoiceFromProposal,
  findInstallmentShift,
  sendInvoice,
  updateDraftInvoice,
  voidInvoice,
} from "@/lib/invoices/mutations";
import { createInvoiceSchema, recordPaymentSchema, updateInvoiceSchema } from "@/lib/invoices/schemas";
import { recordPayment } from "@/lib/payments/mutations";
import { createServiceDb } from "@/lib/service-db";
import { createJob, createStudio } from "@/prisma/factories";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { timeout: 20_000 });
const db = () => primaryDb();
const USD = { currency: "USD", locale: "en-US" };
const NOW = new Date("2027-03-01T15:00:00Z");

async function setup({ jobDate = "2027-09-18" }: { jobDate?: string | null } = {}) {
  const { studio, owner } = await createStudio(db(), { timeZone: "America/New_York" });
  const job = await createJob(db(), {
    studioId: studio.id,
    title: "Nguyen–Walsh Wedding",
    date: jobDate ? new Date(`${jobDate}T00:00:00Z`) : null,
    contact: { name: "Grace Nguyen", email: "grace@example.com" },
  });
  return { studioId: studio.id, ownerId: owner.id, job };
}

const invoiceForm = (jobId: string, extra: Record<string, unknown> = {}) =>
  createInvoiceSchema.parse({
    jobId,
    title: "Wedding Collection",
    description: ["Eight hours of coverage", "Leather album"],
    quantity: ["1", "2"],
    unitPrice: ["4,500", "650.50"],
    taxRate: ["", "8.25"],
    ...USD,
    ...extra,
  });

const payment = (invoiceId: string, amount: string, extra: Record<string, unknown> = {}) =>
  recordPaymentSchema.parse({
    invoiceId,
    method: "CHECK",
    amount,
    receivedOn: "2027-03-01",
    reference: "1042",
    ...USD,
    ...extra,
  });

async function acceptedProposal(studioId: string, jobId: string) {
  return db().proposal.create({
    data: {
      studioId,
      jobId,
      title: "Full-Day Collection",
      depositCents: 100_000,
      expiresAt: new Date("2027-04-01T00:00:00Z"),
      status: "ACCEPTED",
      respondedAt: new Date("2027-02-20T18:00:00Z"),
      tokenHash: hashToken(`t-${Math.random().toString(36).slice(2)}${"x".repeat(32)}`),
      items: {
        create: [
          { position: 0, description: "Eight hours", unitPriceCents: 450_000 },
          { position: 1, description: "Album", quantity: 2, unitPriceCents: 65_000 },
        ],
      },
    },
  });
}

describe("invoice numbers", () => {
  it("50 invoices created at once get 50 distinct consecutive numbers, and a rolled-back one leaves no gap", async () => {
    const { studioId, job } = await setup();
    const input = invoiceForm(job.id);
    // Five app nodes, each with its own pool, creating ten or eleven invoices at once.
    const nodes = Array.from({ length: 5 }, (_, i) =>
      createServiceDb(process.env.DATABASE_URL!, `numbering-node-${i}`, 12),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 51 }, (_, i) =>
        nodes[i % nodes.length].$transaction(
          async (tx) => {
            const invoice = await createInvoice(tx, { studioId, input, now: NOW });
            if (i === 25) throw new Error("this one rolls back");
            return invoice.number;
          },
          { maxWait: 10_000, timeout: 30_000 },
        ),
      ),
    );
    await Promise.all(nodes.map((n) => n.$disconnect()));
    expect(results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []))).toEqual([
      "Error: this one rolls back",
    ]);
    const rows = await db().invoice.findMany({
      where: { studioId },
      select: { number: true },
      orderBy: { number: "asc" },
    });
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Another studio counts on its own.
    const other = await setup();
    expect(
      (await inTx((tx) => createInvoice(tx, { studioId: other.studioId, input: invoiceForm(other.job.id), now: NOW })))
        .number,
    ).toBe(1);
  }, 120_000);
});

describe("creating and changing invoices", () => {
  it("an invoice typed by hand stores its lines, tax and totals computed in one place", async () => {
    const { studioId, job } = await setup();
    const { id } = await inTx((tx) =>
      createInvoice(tx, { studioId, input: invoiceForm(job.id, { discount: "100" }), now: NOW }),
    );
    const invoice = await db().invoice.findUniqueOrThrow({
      where: { id },
      include: { lines: { orderBy: { position: "asc" } }, installments: true },
    });
    expect(invoice).toMatchObject({
      status: "DRAFT",
      currency: "USD",
      subtotalMinor: 580_100,
      discountMinor: 10_000,
      taxMinor: 10_548,
      totalMinor: 580_100 - 10_000 + 10_548,
    });
    expect(invoice.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor, l.taxRateBps])).toEqual([
      ["Eight hours of coverage", 1, 450_000, 0],
      ["Leather album", 2, 65_050, 825],
    ]);
    // No retainer and no schedule: one payment due on receipt.
    expect(invoice.installments.map((i) => [i.label, i.amountMinor])).toEqual([["Payment", invoice.totalMinor]]);
  });

  it("an accepted proposal becomes an invoice with its lines and its deposit as the retainer, once", async () => {
    const { studioId, job } = await setup();
    const proposal = await acceptedProposal(studioId, job.id);
    const { id } = await inTx((tx) => createInvoiceFromProposal(tx, { studioId, proposalId: proposal.id, now: NOW }));
    const invoice = await db().invoice.findUniqueOrThrow({
      where: { id },
      include: { installments: { orderBy: { position: "asc" } } },
    });
    expect(invoice).toMatchObject({
      proposalId: proposal.id,
      title: "Full-Day Collection",
      totalMinor: 580_000,
      depositMinor: 100_000,
    });
    // Retainer on the day the client accepted (in New York), the rest 14 days before the wedding.
    expect(invoice.installments.map((i) => [i.label, i.amountMinor, i.dueOn.toISOString().slice(0, 10)])).toEqual([
      ["Retainer", 100_000, "2027-02-20"],
      ["Balance", 480_000, "2027-09-04"],
    ]);
    await expect(
      inTx((tx) => createInvoiceFromProposal(tx, { studioId, proposalId: proposal.id, now: NOW })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a draft can change; once sent it is frozen", async () => {
    const { studioId, job } = await setup();
    const { id } = await inTx((tx) => createInvoice(tx, { studioId, input: invoiceForm(job.id), now: NOW }));
    const update = (extra: Record<string, unknown>) =>
      updateInvoiceSchema.parse({
        invoiceId: id,
        title: "Corrected",
        description: ["Coverage"],
        quantity: ["1"],
        unitPrice: ["5000"],
        taxRate: [""],
        retainer: "1000",
        ...USD,
        ...extra,
      });
    await inTx((tx) => updateDraftInvoice(tx, { studioId, input: update({}), now: NOW }));
    const changed = await db().invoice.findUniqueOrThrow({
      where: { id },
      include: { installments: { orderBy: { position: "asc" } } },
    });
    expect(changed).toMatchObject({ title: "Corrected", totalMinor: 500_000, depositMinor: 100_000 });
    expect(changed.installments.map((i) => [i.label, i.amountMinor, i.dueOn.toISOString().slice(0, 10)])).toEqual([
      ["Retainer", 100_000, "2027-03-01"],
      ["Balance", 400_000, "2027-09-04"],
    ]);
    await inTx((tx) => sendInvoice(tx, { studioId, invoiceId: id, now: NOW }));
    await expect(
      inTx((tx) => updateDraftInvoice(tx, { studioId, input: update({ title: "Again" }), now: NOW })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().invoice.findUniqueOrThrow({ where: { id } })).title).toBe("Corrected");
  });

  it("treats another studio's job and invoice as missing", async () => {
    const mine = await setup();
    const theirs = await setup();
    await expect(
      inTx((tx) => createInvoice(tx, { studioId: mine.studioId, input: invoiceForm(theirs.job.id), now: NOW })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { id } = await inTx((tx) =>
      createInvoice(tx, { studioId: theirs.studioId, input: invoiceForm(theirs.job.id), now: NOW }),
    );
    await expect(
      inTx((tx) => sendInvoice(tx, { studioId: mine.studioId, invoiceId: id, now: NOW })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) => voidInvoice(tx, { studioId: mine.studioId, invoiceId: id, reissue: true, now: NOW })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) =>
        recordPayment(tx, { studioId: mine.studioId, userId: mine.ownerId, input: payment(id, "10"), now: NOW }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().invoice.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});

describe("sending and paying", () => {
  async function sent() {
    const s = await setup();
    const proposal = await acceptedProposal(s.studioId, s.job.id);
    const { id } = await inTx((tx) =>
      createInvoiceFromProposal(tx, { studioId: s.studioId, proposalId: proposal.id, now: NOW }),
    );
    const result = await inTx((tx) => sendInvoice(tx, { studioId: s.studioId, invoiceId: id, now: NOW }));
    return { ...s, invoiceId: id, ...result };
  }

  it("sending emails the client their link, derived from the invoice and stored only as a hash, and dates nothing in the past", async () => {
    const { studioId, invoiceId, token } = await sent();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).toBe(linkToken("invoice", invoiceId));
    expect(await db().invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { tokenHash: true } })).toEqual({
      tokenHash: hashToken(token),
    });
    const invoice = await db().invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      include: { installments: { orderBy: { position: "asc" } } },
    });
    expect(invoice).toMatchObject({ status: "SENT", sentAt: NOW, number: 1 });
    // Accepted on February 20, sent on March 1: the retainer is due on the day it is sent.
    expect(invoice.installments.map((i) => i.dueOn.toISOString().slice(0, 10))).toEqual(["2027-03-01", "2027-09-04"]);
    expect(await db().emailMessage.count({ where: { studioId, kind: "invoice.sent" } })).toBe(1);
    const email = await renderQueuedEmail(db(), { studioId, kind: "invoice.sent" });
    expect(email).toMatchObject({ to: "grace@example.com", subject: expect.stringContaining("Invoice 1 from") });
    expect(email.text).toContain(`/i/${token}`);
    expect(email.text).toContain("Retainer: $1,000.00 due Mar 1, 2027");
    expect(email.text).toContain("Balance: $4,800.00 due Sep 4, 2027");
  });

  it("payments cover installments in due order, each with a receipt; a refund opens them again", async () => {
    const { studioId, ownerId, invoiceId } = await sent();
    const pay = (amount: string, extra: Record<string, unknown> = {}) =>
      inTx((tx) =>
        recordPayment(tx, { studioId, userId: ownerId, input: payment(invoiceId, amount, extra), now: NOW }),
      );
    const state = async () => {
      const i = await db().invoice.findUniqueOrThrow({
        where: { id: invoiceId },
        include: { installments: { orderBy: { position: "asc" } } },
      });
      return [
        i.status,
        i.paidMinor,
        i.nextDueOn?.toISOString().slice(0, 10) ?? null,
        ...i.installments.map((x) => `${x.status}:${x.paidMinor}`),
      ];
    };
    await pay("600");
    expect(await state()).toEqual(["PARTIALLY_PAID", 60_000, "2027-03-01", "OPEN:60000", "OPEN:0"]);
    await pay("400");
    expect(await state()).toEqual(["PARTIALLY_PAID", 100_000, "2027-09-04", "PAID:100000", "OPEN:0"]);
    await expect(pay("4800.01")).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { amount: ["The balance is $4,800.00: enter at most that."] },
    });
    await pay("4,800");
    expect(await state()).toEqual(["PAID", 580_000, null, "PAID:100000", "PAID:480000"]);
    await expect(pay("1")).rejects.toMatchObject({ fieldErrors: { amount: ["This invoice is paid in full."] } });
    await pay("500", { kind: "REFUND", method: "BANK_TRANSFER" });
    expect(await state()).toEqual(["PARTIALLY_PAID", 530_000, "2027-09-04", "PAID:100000", "OPEN:430000"]);
    await expect(pay("6000", { kind: "REFUND" })).rejects.toMatchObject({
      fieldErrors: { amount: ["Only $5,300.00 was paid: refund at most that."] },
    });
    const emails = await db().emailMessage.findMany({
      where: { studioId, kind: "payment.receipt" },
      orderBy: { createdAt: "asc" },
    });
    expect(emails.map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Receipt: \$600\.00 paid to /),
      expect.stringMatching(/^Receipt: \$400\.00 paid to /),
      expect.stringMatching(/^Receipt: \$4,800\.00 paid to /),
      expect.stringMatching(/^Refund of \$500\.00 from /),
    ]);
    const paidInFull = await renderQueuedEmail(db(), { id: emails[2].id });
    expect(paidInFull.text).toContain("Thank you! ");
    expect(paidInFull.text).toContain(
      "received your payment of $4,800.00 (check) on Mar 1, 2027 for invoice 1 (Full-Day Collection).",
    );
  });

  it("a payment dated in the future is refused beside its field", async () => {
    const { studioId, ownerId, invoiceId } = await sent();
    await expect(
      inTx((tx) =>
        recordPayment(tx, {
          studioId,
          userId: ownerId,
          input: payment(invoiceId, "10", { receivedOn: "2027-03-02" }),
          now: NOW,
        }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { receivedOn: ["Choose today or an earlier date."] },
    });
  });

  it("void and reissue moves the payments to the corrected draft; a plain void of paid money is refused", async () => {
    const { studioId, ownerId, invoiceId } = await sent();
    await inTx((tx) => recordPayment(tx, { studioId, userId: ownerId, input: payment(invoiceId, "1000"), now: NOW }));
    await expect(
      inTx((tx) => voidInvoice(tx, { studioId, invoiceId, reissue: false, now: NOW })),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("$1,000.00 was paid") });
    const { reissuedId } = await inTx((tx) => voidInvoice(tx, { studioId, invoiceId, reissue: true, now: NOW }));
    const [old, copy] = await Promise.all([
      db().invoice.findUniqueOrThrow({ where: { id: invoiceId } }),
      db().invoice.findUniqueOrThrow({ where: { id: reissuedId! }, include: { payments: true } }),
    ]);
    expect(old).toMatchObject({ status: "VOID", paidMinor: 0, nextDueOn: null });
    expect(copy).toMatchObject({
      status: "DRAFT",
      number: 2,
      reissuedFromId: invoiceId,
      totalMinor: 580_000,
      paidMinor: 100_000,
    });
    expect(copy.payments.map((p) => p.amountMinor)).toEqual([100_000]);
    await inTx((tx) => sendInvoice(tx, { studioId, invoiceId: copy.id, now: NOW }));
    expect(await db().invoice.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({
      status: "PARTIALLY_PAID",
      paidMinor: 100_000,
    });
    await expect(
      inTx((tx) => recordPayment(tx, { studioId, userId: ownerId, input: payment(invoiceId, "10"), now: NOW })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("moving the event", () => {
  it("moves unpaid installments counted from the event, opens them again and restarts their reminders", async () => {
    const { studioId, ownerId, job } = await setup();
    const proposal = await acceptedProposal(studioId, job.id);
    const { id: invoiceId } = await inTx((tx) =>
      createInvoiceFromProposal(tx, { studioId, proposalId: proposal.id, now: NOW }),
    );
    await inTx((tx) => sendInvoice(tx, { studioId, invoiceId, now: NOW }));
    await inTx((tx) => recordPayment(tx, { studioId, userId: ownerId, input: payment(invoiceId, "1,000"), now: NOW }));
    const [retainer, balance] = await db().installment.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
    expect([retainer.status, balance.dueOn.toISOString().slice(0, 10)]).toEqual(["PAID", "2027-09-04"]);
    // As if the billing service had marked the balance overdue and reminded the client of it.
    await db().installment.update({ where: { id: balance.id }, data: { status: "OVERDUE", overdueAt: NOW } });
    await db().invoice.update({ where: { id: invoiceId }, data: { overdueSince: NOW } });
    await db().reminder.create({ data: { studioId, installmentId: balance.id, offsetDays: -7 } });

    const later = new Date("2027-04-01T15:00:00Z");
    const preview = await inTx((tx) =>
      findInstallmentShift(tx, { studioId, jobId: job.id, toDay: "2027-10-16", now: later }),
    );
    expect(preview).toEqual([{ id: balance.id, label: "Balance", from: "2027-09-04", to: "2027-10-02" }]);
    expect(await db().installment.findUniqueOrThrow({ where: { id: balance.id } })).toMatchObject({
      status: "OVERDUE",
    });

    expect(
      await inTx((tx) => applyInstallmentShift(tx, { studioId, jobId: job.id, toDay: "2027-10-16", now: later })),
    ).toEqual(preview);
    const moved = await db().installment.findUniqueOrThrow({ where: { id: balance.id } });
    expect([moved.dueOn.toISOString().slice(0, 10), moved.status, moved.overdueAt]).toEqual([
      "2027-10-02",
      "OPEN",
      null,
    ]);
    expect(await db().installment.findUniqueOrThrow({ where: { id: retainer.id } })).toMatchObject({
      status: "PAID",
      dueOn: retainer.dueOn,
    });
    expect(await db().reminder.count({ where: { installmentId: balance.id } })).toBe(0);
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect([invoice.nextDueOn?.toISOString().slice(0, 10), invoice.overdueSince, invoice.status]).toEqual([
      "2027-10-02",
      null,
      "PARTIALLY_PAID",
    ]);
    // Planned from the job's date, which the caller moves in the same transaction; another studio's job is not found.
    expect(
      await inTx((tx) => applyInstallmentShift(tx, { studioId, jobId: job.id, toDay: "2027-09-18", now: later })),
    ).toEqual([{ id: balance.id, label: "Balance", from: "2027-10-02", to: "2027-09-04" }]);
    const other = await setup();
    await expect(
      inTx((tx) => findInstallmentShift(tx, { studioId: other.studioId, jobId: job.id, toDay: "2027-10-16" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
