import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashToken } from "@/lib/tokens";
import { primaryDb, type Tx } from "@/lib/db";
import { createInvoiceFromProposal, sendInvoice } from "@/lib/invoices/mutations";
import { startCheckout } from "@/lib/payments/mutations";
import { WebhookSignatureError, type PaymentProvider } from "@/lib/payments/provider";
import { createStripeProvider } from "@/lib/payments/stripe";
import { respondToProposal } from "@/lib/proposals/mutations";
import { createJob, createStudio } from "@/prisma/factories";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { startStripeStandIn, standInEnv, type StripeStandIn } from "@/scripts/testing/stripe-stand-in";

// The Stripe adapter and the webhook route, offline: the official client talks to a local
// stand-in through its host/port settings, and webhooks carry signatures made by the library.

const database = inject("database");
const db = () => primaryDb();
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { timeout: 20_000 });
const NOW = new Date("2027-03-01T15:00:00Z");

let standIn: StripeStandIn;
let provider: PaymentProvider;
let app: TestApp;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  provider = createStripeProvider({
    secretKey: standIn.secretKey,
    webhookSecret: standIn.webhookSecret,
    host: standIn.host,
    port: standIn.port,
    protocol: "http",
  });
  // Reads on the primary only: this test is about payments, not replication.
  app = await startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: [], env: standInEnv(standIn) });
  standIn.webhookUrl = `${app.url}/api/payments/webhook`;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

async function sentInvoice({ requireRetainer = false } = {}) {
  const { studio } = await createStudio(db(), { timeZone: "America/New_York" });
  if (requireRetainer) await db().studio.update({ where: { id: studio.id }, data: { requireRetainer: true } });
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
      status: requireRetainer ? "SENT" : "ACCEPTED",
      respondedAt: requireRetainer ? null : NOW,
      tokenHash: hashToken(`t${studio.id.replace(/-/g, "")}xxxxxxxxxx`),
      items: { create: [{ position: 0, description: "Coverage", unitPriceCents: 580_000 }] },
    },
  });
  if (requireRetainer) {
    const answer = await inTx((tx) =>
      respondToProposal(tx, { token: `t${studio.id.replace(/-/g, "")}xxxxxxxxxx`, decision: "accept", now: NOW }),
    );
    return {
      studioId: studio.id,
      jobId: job.id,
      proposalId: proposal.id,
      invoiceId: answer.invoice!.id,
      token: answer.invoice!.token,
    };
  }
  const { id } = await inTx((tx) =>
    createInvoiceFromProposal(tx, { studioId: studio.id, proposalId: proposal.id, now: NOW }),
  );
  const { token } = await inTx((tx) => sendInvoice(tx, { studioId: studio.id, invoiceId: id, now: NOW }));
  return { studioId: studio.id, jobId: job.id, proposalId: proposal.id, invoiceId: id, token };
}

const checkoutFor = (token: string, installmentId?: string) =>
  inTx((tx) => startCheckout(tx, { token, installmentId, origin: app.url, provider }));
const sessionIdOf = (url: string) => url.split("/").at(-1)!;
const payments = (invoiceId: string) => db().payment.findMany({ where: { invoiceId }, orderBy: { createdAt: "asc" } });

describe("the Stripe adapter against the stand-in", () => {
  it("creates a Checkout Session through the official client, once per reference", async () => {
    const request = {
      reference: "ref-1",
      amountMinor: 100_000,
      currency: "USD",
      description: "Retainer",
      customerEmail: "grace@example.com",
      successUrl: "http://app/i/t?checkout={CHECKOUT_SESSION_ID}",
      cancelUrl: "http://app/i/t",
      metadata: { invoiceId: "inv-1" },
    };
    const first = await provider.createCheckout(request);
    expect(first.url).toBe(`${standIn.url}/pay/${first.sessionId}`);
    expect(standIn.sessions.get(first.sessionId)).toMatchObject({
      amount_total: 100_000,
      currency: "usd",
      customer_email: "grace@example.com",
      metadata: { invoiceId: "inv-1" },
      client_reference_id: "ref-1",
    });
    // A retried request (same idempotency key) does not open a second payment page.
    expect((await provider.createCheckout(request)).sessionId).toBe(first.sessionId);
  });

  it("reads only webhooks signed with the endpoint's secret, over the exact bytes signed", async () => {
    const { sessionId } = await provider.createCheckout({
      reference: "ref-2",
      amountMinor: 5_000,
      currency: "EUR",
      description: "Prints",
      customerEmail: null,
      successUrl: "http://x/s",
      cancelUrl: "http://x/c",
      metadata: { studioId: "studio-2" },
    });
    standIn.sessions.get(sessionId)!.status = "complete";
    Object.assign(standIn.sessions.get(sessionId)!, { payment_status: "paid", payment_intent: "pi_test_1" });
    const event = standIn.event("checkout.session.completed", sessionId);
    const header = (value: string) => (name: string) => (name === "stripe-signature" ? value : null);
    const { default: Stripe } = await import("stripe");
    const signer = new Stripe(standIn.secretKey);
    const good = signer.webhooks.generateTestHeaderString({ payload: event.payload, secret: standIn.webhookSecret });
    expect(provider.readWebhook(event.payload, header(good))).toMatchObject({
      kind: "checkout.paid",
      studioId: "studio-2",
      sessionId,
      paymentId: "pi_test_1",
      amountMinor: 5_000,
      currency: "EUR",
    });
    expect(() => provider.readWebhook(event.payload.replace("5000", "500000"), header(good))).toThrow(
      WebhookSignatureError,
    );
    const forged = signer.webhooks.generateTestHeaderString({ payload: event.payload, secret: "whsec_someone_else" });
    expect(() => provider.readWebhook(event.payload, header(forged))).toThrow(WebhookSignatureError);
    expect(() => provider.readWebhook(event.payload, () => null)).toThrow(WebhookSignatureError);
  });
});

describe("the webhook route", () => {
  it("refuses a wrong signature with a 400 and records nothing", async () => {
    const { invoiceId, token } = await sentInvoice();
    const { url } = await checkoutFor(token);
    const sessionId = sessionIdOf(url);
    Object.assign(standIn.sessions.get(sessionId)!, {
      status: "complete",
      payment_status: "paid",
      payment_intent: "pi_forged",
    });
    const event = standIn.event("checkout.session.completed", sessionId);
    const answer = await standIn.deliver(event, { signature: "t=1,v1=0000" });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: "The webhook signature is not valid.", fieldErrors: {} });
    expect(await payments(invoiceId)).toEqual([]);
  });

  it("a payment delivered twice, at once, late and out of order is recorded exactly once", async () => {
    const { studioId, invoiceId, token } = await sentInvoice();
    const retainer = await db().installment.findFirstOrThrow({ where: { invoiceId }, orderBy: { position: "asc" } });
    const { url } = await checkoutFor(token, retainer.id);
    const sessionId = sessionIdOf(url);
    expect(standIn.sessions.get(sessionId)!.amount_total).toBe(100_000);

    const completed = await standIn.pay(sessionId);
    expect(await payments(invoiceId)).toMatchObject([
      { amountMinor: 100_000, method: "CARD", providerPaymentId: standIn.sessions.get(sessionId)!.payment_intent },
    ]);
    // The same event again, five times at once, and the same payment under another event id.
    const again = await Promise.all(Array.from({ length: 5 }, () => standIn.deliver(completed)));
    expect(again.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(again.map((a) => JSON.parse(a.body).outcome)).toEqual([
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect((await standIn.deliver(standIn.event("checkout.session.async_payment_succeeded", sessionId))).status).toBe(
      200,
    );
    // "Expired" arriving after "completed" changes nothing.
    expect((await standIn.deliver(standIn.event("checkout.session.expired", sessionId))).status).toBe(200);
    expect(await payments(invoiceId)).toHaveLength(1);
    expect(
      await db().paymentCheckout.findUniqueOrThrow({
        where: { studioId_providerSessionId: { studioId, providerSessionId: sessionId } },
      }),
    ).toMatchObject({
      status: "COMPLETED",
    });
    expect(await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "PARTIALLY_PAID",
      paidMinor: 100_000,
    });
    expect(await db().installment.findUniqueOrThrow({ where: { id: retainer.id } })).toMatchObject({ status: "PAID" });
    // One receipt for the one payment, and What's New says who paid what on which job.
    expect(await db().emailMessage.count({ where: { studioId, kind: "payment.receipt" } })).toBe(1);
    const news = await db().notification.findMany({ where: { studioId, kind: "payment.received" } });
    expect(news.map((n) => n.message)).toEqual(["Grace Nguyen paid $1,000.00 on Nguyen–Walsh Wedding"]);

    // An event for a session ShootQ never started is acknowledged and ignored.
    const foreign = await provider.createCheckout({
      reference: "foreign",
      amountMinor: 100,
      currency: "USD",
      description: "x",
      customerEmail: null,
      successUrl: "http://x/s",
      cancelUrl: "http://x/c",
      metadata: {},
    });
    Object.assign(standIn.sessions.get(foreign.sessionId)!, {
      status: "complete",
      payment_status: "paid",
      payment_intent: "pi_foreign",
    });
    const ignored = await standIn.deliver(standIn.event("checkout.session.completed", foreign.sessionId));
    expect([ignored.status, JSON.parse(ignored.body).outcome]).toEqual([200, "unknown"]);
    // The provider's ids are the studio's own: the same session said to be another studio's is
    // no checkout of that studio, and nothing more is recorded.
    const other = await createStudio(db());
    standIn.sessions.get(sessionId)!.metadata.studioId = other.studio.id;
    const elsewhere = await standIn.deliver(standIn.event("checkout.session.completed", sessionId));
    expect([elsewhere.status, JSON.parse(elsewhere.body).outcome]).toEqual([200, "unknown"]);
    expect(await payments(invoiceId)).toHaveLength(1);
    expect(await db().payment.count({ where: { studioId: other.studio.id } })).toBe(0);
  });

  it("with the retainer rule, paying the retainer confirms the booking and books the job", async () => {
    const { studioId, jobId, proposalId, invoiceId, token } = await sentInvoice({ requireRetainer: true });
    expect(
      await db().booking.findUniqueOrThrow({ where: { studioId_proposalId: { studioId, proposalId } } }),
    ).toMatchObject({
      status: "AWAITING_RETAINER",
    });
    expect(await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "SENT",
      proposalId,
    });
    const { url } = await checkoutFor(
      token,
      (await db().installment.findFirstOrThrow({ where: { invoiceId }, orderBy: { position: "asc" } })).id,
    );
    await standIn.pay(sessionIdOf(url));
    expect(
      await db().booking.findUniqueOrThrow({ where: { studioId_proposalId: { studioId, proposalId } } }),
    ).toMatchObject({ status: "CONFIRMED" });
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "BOOKED" });
    expect(
      (await db().notification.findMany({ where: { studioId, kind: "booking.confirmed" } })).map((n) => n.message),
    ).toEqual(["Grace Nguyen paid the retainer: Nguyen–Walsh Wedding is booked"]);
  });

  it("a payment that arrives after the invoice was voided is kept on record and flagged", async () => {
    const { studioId, invoiceId, token } = await sentInvoice();
    const { url } = await checkoutFor(token);
    const sessionId = sessionIdOf(url);
    await db().invoice.update({ where: { id: invoiceId }, data: { status: "VOID" } });
    await standIn.pay(sessionId);
    expect(await payments(invoiceId)).toHaveLength(1);
    expect(await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ status: "VOID" });
    expect(await db().notification.count({ where: { studioId, kind: "payment.on-void" } })).toBe(1);
  });
});
