import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { dayKeyOf } from "@/lib/calendar/zoned";
import { createContract, sendContract, signContract, updateContractDraft } from "@/lib/contracts/mutations";
import { signContractSchema, updateContractSchema } from "@/lib/contracts/schemas";
import { primaryDb, type Tx } from "@/lib/db";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { submitInquirySchema } from "@/lib/inquiries/schemas";
import { createInvoiceFromProposal, sendInvoice } from "@/lib/invoices/mutations";
import { recordPaymentSchema } from "@/lib/invoices/schemas";
import { createJob as createJobMutation } from "@/lib/jobs/mutations";
import { createJobSchema } from "@/lib/jobs/schemas";
import { createLead } from "@/lib/leads/mutations";
import { createLeadSchema } from "@/lib/leads/schemas";
import { recordPayment } from "@/lib/payments/mutations";
import { respondToProposal } from "@/lib/proposals/mutations";
import { answerQuestionnaire } from "@/lib/questionnaires/mutations";
import { pruneExpired } from "@/lib/maintenance/prune";
import { hashToken, newToken } from "@/lib/tokens";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/events";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  setWebhookEndpointEnabled,
} from "@/lib/webhooks/mutations";
import { createWebhookEndpointSchema } from "@/lib/webhooks/schemas";
import { startWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from "@/lib/webhooks/worker";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { until } from "@/scripts/testing/until";
import { startWebhookReceiver, type WebhookReceiver } from "@/scripts/testing/webhook-receiver";
import {
  CONTRACT_TEMPLATE_BODY,
  createContractTemplate,
  createEvent,
  createJob,
  createStudio,
  randomSuffix,
} from "@/prisma/factories";

const db = () => primaryDb();
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn, { timeout: 20_000 });
const ALL_TYPES: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES];
const LOCAL = { allowPrivate: true };

let scratch: ScratchDatabase;
let workers: WebhookWorker[] = [];
let receivers: WebhookReceiver[] = [];

async function receiver(options: Parameters<typeof startWebhookReceiver>[0] = {}) {
  const r = await startWebhookReceiver(options);
  receivers.push(r);
  return r;
}

async function worker(options: Partial<WebhookWorkerOptions> = {}) {
  const w = await startWebhookWorker({
    databaseUrl: process.env.DATABASE_URL!,
    policy: LOCAL,
    retrySchedule: [1, 1, 1],
    pollingIntervalSeconds: 0.3,
    concurrency: 2,
    log: () => {},
    ...options,
  });
  workers.push(w);
  return w;
}

/** A studio with one endpoint (subscribed to `types`) pointing at a fresh receiver. */
async function studioWithEndpoint(types: WebhookEventType[] = ALL_TYPES, receiverOptions = {}) {
  const { studio, owner } = await createStudio(db());
  const r = await receiver(receiverOptions);
  const endpoint = await inTx((tx) =>
    createWebhookEndpoint(tx, {
      studioId: studio.id,
      input: { url: r.url, description: "Test receiver", eventTypes: types },
      policy: LOCAL,
    }),
  );
  const { secret } = await db().webhookEndpoint.findUniqueOrThrow({
    where: { id: endpoint.id },
    select: { secret: true },
  });
  r.secret = secret;
  return { studio, owner, receiver: r, endpointId: endpoint.id };
}

const leadInput = (name = `Avery ${randomSuffix()}`) =>
  createLeadSchema.parse({ name, email: "avery@example.com", eventType: "wedding", eventDate: "2027-09-18" });

const deliveries = (endpointId: string) =>
  db().webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { createdAt: "asc" },
    include: { event: true, attemptLog: { orderBy: { number: "asc" } } },
  });

const jobCount = async () => {
  const [row] = await db().$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhook'`,
  );
  return row.n;
};

beforeAll(async () => {
  // Workers take every job of their database's queue: this file gets a database of its own.
  scratch = await createScratchDatabase(inject("database"), { prefix: "webhooks", queue: true });
  process.env.DATABASE_URL = scratch.url;
  process.env.DATABASE_REPLICA_URLS = scratch.replicaUrls.join(",");
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  for (const r of receivers) await r.close();
  workers = [];
  receivers = [];
});

afterAll(async () => {
  await db().$disconnect();
  await scratch?.drop();
});

/** Runs each event's real mutation, the way the app does when a person causes it. */
async function causeEveryEvent(studioId: string, ownerId: string) {
  const studio = await db().studio.findUniqueOrThrow({ where: { id: studioId } });
  // lead.created: the photographer's form and a client's inquiry.
  await inTx((tx) => createLead(tx, { studioId, input: leadInput("Form Lead") }));
  await inTx((tx) =>
    submitInquiry(tx, {
      slug: studio.slug,
      clientAddress: `203.0.113.9-${randomSuffix()}`,
      input: submitInquirySchema.parse({
        name: "Inquiry Lead",
        email: "inquiry@example.com",
        phone: "",
        eventType: "wedding",
        eventDate: "2027-10-02",
        message: "Are you free?",
        website: "",
      }),
    }),
  );
  // booking.confirmed: the client accepts a sent proposal.
  const job = await createJob(db(), {
    studioId,
    title: "Ito Wedding",
    contact: { name: "Mai Ito", email: "mai@example.com" },
  });
  await createEvent(db(), {
    studioId,
    jobId: job.id,
    name: "Wedding day",
    startsAt: new Date("2027-06-12T18:00:00Z"),
    location: "Wave Hill, Bronx",
    isShoot: true,
  });
  const proposalToken = newToken();
  const proposal = await db().proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: "Full day",
      status: "SENT",
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      tokenHash: hashToken(proposalToken),
      items: { create: { position: 0, description: "Coverage", unitPriceCents: 300_000 } },
    },
  });
  await inTx((tx) => respondToProposal(tx, { token: proposalToken, decision: "accept" }));
  // payment.received: a check recorded on the proposal's invoice.
  const invoice = await inTx((tx) => createInvoiceFromProposal(tx, { studioId, proposalId: proposal.id }));
  await inTx((tx) => sendInvoice(tx, { studioId, invoiceId: invoice.id, email: "if-possible" }));
  await inTx((tx) =>
    recordPayment(tx, {
      studioId,
      userId: ownerId,
      input: recordPaymentSchema.parse({
        invoiceId: invoice.id,
        kind: "PAYMENT",
        method: "CHECK",
        amount: "100",
        // Today in the studio's zone: the UTC date is tomorrow there in the evening.
        receivedOn: dayKeyOf(new Date(), studio.timeZone),
        currency: studio.currency,
        locale: studio.locale,
      }),
    }),
  );
  // contract.signed: the client signs a sent contract from its link.
  const template = await createContractTemplate(db(), { studioId, authorId: ownerId });
  const actor = { id: ownerId, name: "Owner" };
  const contract = await inTx((tx) =>
    createContract(tx, { studioId, actor, input: { jobId: job.id, templateId: template.id } }),
  );
  await inTx((tx) =>
    updateContractDraft(tx, {
      studioId,
      input: updateContractSchema.parse({
        contractId: contract.id,
        title: "Agreement",
        body: CONTRACT_TEMPLATE_BODY,
        customKey: ["custom.coverage_hours"],
        customValue: ["eight"],
      }),
    }),
  );
  const { token: contractToken } = await inTx((tx) => sendContract(tx, { studioId, contractId: contract.id, actor }));
  const { documentHash } = await db().contract.findUniqueOrThrow({ where: { id: contract.id } });
  const signature = signContractSchema.parse({
    token: contractToken,
    documentHash,
    name: "Mai Ito",
    consent: "on",
  });
  await inTx((tx) =>
    signContract(tx, {
      token: contractToken,
      input: signature,
      origin: { ipAddress: "203.0.113.7", userAgent: "test" },
    }),
  );
  // questionnaire.submitted: the client submits the answers from the link.
  const questionnaireToken = newToken();
  await db().questionnaire.create({
    data: {
      studioId,
      jobId: job.id,
      title: "Wedding details",
      questions: [{ id: "q1", kind: "short", label: "Venue" }],
      tokenHash: hashToken(questionnaireToken),
    },
  });
  await inTx((tx) => answerQuestionnaire(tx, { token: questionnaireToken, raw: { q1: "Wave Hill" }, submit: true }));
}

describe("webhook delivery", () => {
  it("queues every event type in the mutation that causes it and delivers each once, signed per Standard Webhooks", async () => {
    const { studio, owner, receiver: r, endpointId } = await studioWithEndpoint();
    await causeEveryEvent(studio.id, owner.id);
    const expected = [
      "lead.created",
      "lead.created",
      // Each lead's person is a new client; the job's client is made by the factory, not a mutation.
      "client.created",
      "client.created",
      "booking.confirmed",
      "invoice.sent",
      "payment.received",
      "contract.signed",
      "questionnaire.submitted",
    ];
    await worker();
    await until(
      "every event to be delivered",
      async () =>
        (await deliveries(endpointId)).every((d) => d.status === "SUCCEEDED") && r.received.length >= expected.length,
    );
    expect(r.received.map((w) => w.type).sort()).toEqual([...expected].sort());
    expect(
      r.received.every((w) => w.isVerified),
      JSON.stringify(r.received.map((w) => w.verifyError)),
    ).toBe(true);
    expect(new Set(r.received.map((w) => w.id)).size).toBe(expected.length);
    const rows = await deliveries(endpointId);
    expect(rows.map((d) => d.attempts)).toEqual(expected.map(() => 1));
    expect(rows.every((d) => d.lastStatusCode === 200 && d.attemptLog[0].responseExcerpt === "thanks")).toBe(true);
    // The payload carries ids and public fields, never a client link or its token.
    const lead = r.received.find((w) => w.type === "lead.created" && w.data.name === "Form Lead")!;
    expect(lead.data).toMatchObject({
      name: "Form Lead",
      email: "avery@example.com",
      eventDate: "2027-09-18",
      source: "manual",
    });
    const client = r.received.find((w) => w.type === "client.created" && w.data.name === "Form Lead")!;
    expect(client.data).toMatchObject({ name: "Form Lead", email: "avery@example.com", phone: null });
    const invoice = r.received.find((w) => w.type === "invoice.sent")!;
    expect(invoice.data).toMatchObject({ totalMinor: 300_000, currency: "USD", isEmailed: true });
    const payment = r.received.find((w) => w.type === "payment.received")!;
    expect(payment.data).toMatchObject({ amountMinor: 10_000, method: "CHECK", invoice: { paidMinor: 10_000 } });
    expect(JSON.stringify(r.received)).not.toMatch(/token|\/p\/|\/i\/|\/c\//i);
  }, 120_000);

  it("queues client.created once per new client, from whichever write adds the client", async () => {
    const { studio, receiver: r, endpointId } = await studioWithEndpoint(["client.created"]);
    const brand = await db().brand.findFirstOrThrow({ where: { studioId: studio.id }, select: { id: true } });
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput("Nia Lead") }));
    // The same address again is the same client: no second event.
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput("Nia Again") }));
    await inTx((tx) =>
      createJobMutation(tx, {
        studioId: studio.id,
        input: createJobSchema.parse({
          title: "Okafor Portraits",
          type: "portrait",
          brandId: brand.id,
          contactName: "Ada Okafor",
          contactEmail: "ada@example.com",
        }),
      }),
    );
    await worker();
    await until(
      "both clients delivered",
      async () => r.received.length >= 2 && (await deliveries(endpointId)).every((d) => d.status === "SUCCEEDED"),
    );
    expect(r.received.map((w) => w.data.name).sort()).toEqual(["Ada Okafor", "Nia Lead"]);
    expect(await deliveries(endpointId)).toHaveLength(2);
  });

  it("sends nothing for a change that rolls back: neither the event nor its job exists", async () => {
    const { studio, endpointId } = await studioWithEndpoint(["lead.created"]);
    const jobsBefore = await jobCount();
    await expect(
      inTx(async (tx) => {
        await createLead(tx, { studioId: studio.id, input: leadInput() });
        throw new Error("the change fails after the lead was written");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db().webhookEvent.count({ where: { studioId: studio.id } })).toBe(0);
    expect(await deliveries(endpointId)).toEqual([]);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it("retries a delivery the receiver answered 500, and logs both attempts", async () => {
    const { studio, receiver: r, endpointId } = await studioWithEndpoint(["lead.created"]);
    r.failNext([500]);
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput() }));
    await worker();
    const [delivery] = await until("the retry to succeed", async () => {
      const rows = await deliveries(endpointId);
      return rows[0]?.status === "SUCCEEDED" && rows;
    });
    expect(delivery.attempts).toBe(2);
    expect(delivery.attemptLog.map((a) => [a.number, a.isSuccess, a.statusCode])).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);
    expect(delivery.attemptLog[0].responseExcerpt).toBe("receiver failed with 500");
    expect(r.received.map((w) => w.id)).toEqual([delivery.eventId, delivery.eventId]);
  });

  it("gives up at once on a 4xx answer other than 429, and after the last retry otherwise", async () => {
    const { studio, receiver: r, endpointId } = await studioWithEndpoint(["lead.created"]);
    r.failNext([410, 503, 503, 503, 503]);
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput("Gone") }));
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput("Down") }));
    await worker({ concurrency: 1 });
    const rows = await until("both deliveries to fail", async () => {
      const list = await deliveries(endpointId);
      return list.length === 2 && list.every((d) => d.status === "FAILED") && list;
    });
    // Schedule [1, 1, 1]: the first attempt and three retries.
    expect(rows.map((d) => d.attempts)).toEqual([1, 4]);
    expect(rows[1].attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 503, 503]);
  });

  it("delivers each event exactly once when the worker is stopped gracefully half-way through a batch", async () => {
    const { studio, receiver: r, endpointId } = await studioWithEndpoint(["lead.created"], { delayMs: 150 });
    await inTx(async (tx) => {
      for (let i = 0; i < 12; i++) await createLead(tx, { studioId: studio.id, input: leadInput(`Batch ${i}`) });
    });
    const first = await worker({ concurrency: 2 });
    await until("a few deliveries", async () => r.received.length >= 3);
    await first.stop();
    workers = workers.filter((w) => w !== first);
    const [active] = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhook' AND state = 'active'`,
    );
    expect(active.n).toBe(0);
    expect(r.received.length).toBeLessThan(12);
    await worker({ concurrency: 2 });
    await until("every delivery", async () => (await deliveries(endpointId)).every((d) => d.status === "SUCCEEDED"));
    expect(r.received).toHaveLength(12);
    expect(new Set(r.received.map((w) => w.id)).size).toBe(12);
    expect((await deliveries(endpointId)).every((d) => d.attempts === 1)).toBe(true);
  }, 90_000);

  it("resends a delivered event with the same webhook-id, once per click", async () => {
    const { studio, receiver: r, endpointId } = await studioWithEndpoint(["lead.created"]);
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput() }));
    await worker();
    const [delivery] = await until("the delivery", async () => {
      const rows = await deliveries(endpointId);
      return rows[0]?.status === "SUCCEEDED" && rows;
    });
    await inTx((tx) => resendWebhookDelivery(tx, { studioId: studio.id, endpointId, deliveryId: delivery.id }));
    await until("the resend", async () => (await deliveries(endpointId))[0].attempts === 2);
    await until("the second request", async () => r.received.length === 2);
    expect(r.received.map((w) => w.id)).toEqual([delivery.eventId, delivery.eventId]);
    expect(r.received.every((w) => w.isVerified)).toBe(true);
  });

  it("disables an endpoint that has failed for three days and tells its owner by email and notification", async () => {
    const { studio, owner, receiver: r, endpointId } = await studioWithEndpoint(["lead.created"]);
    await db().webhookEndpoint.update({
      where: { id: endpointId },
      data: { failingSince: new Date(Date.now() - 3 * 86_400_000 - 60_000) },
    });
    r.failNext([500]);
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput() }));
    await worker({ retrySchedule: [] });
    const endpoint = await until("the endpoint to be disabled", async () => {
      const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
      return !row.isEnabled && row;
    });
    expect(endpoint.disabledReason).toMatch(/^Every delivery failed for 3 days/);
    expect(
      await db().emailMessage.findMany({ where: { studioId: studio.id, kind: "webhook.disabled" } }),
    ).toMatchObject([{ to: owner.email, subject: "A webhook endpoint was disabled" }]);
    expect(await db().notification.count({ where: { studioId: studio.id, kind: "webhook.disabled" } })).toBe(1);
    // A disabled endpoint gets no new deliveries.
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput() }));
    expect(await deliveries(endpointId)).toHaveLength(1);
  });

  it("refuses, at delivery, a URL that now resolves to a private address, and sends nothing there", async () => {
    const { studio, receiver: r, endpointId } = await studioWithEndpoint(["lead.created"]);
    // Registered when its name resolved to a public address; by now it resolves to this machine.
    await db().webhookEndpoint.update({
      where: { id: endpointId },
      data: { url: r.url.replace("http://127.0.0.1", "https://localhost") },
    });
    await inTx((tx) => createLead(tx, { studioId: studio.id, input: leadInput() }));
    await worker({ policy: { allowPrivate: false } });
    const [delivery] = await until("the refusal", async () => {
      const rows = await deliveries(endpointId);
      return rows[0]?.status === "FAILED" && rows;
    });
    expect(delivery.attemptLog[0].error).toMatch(/^Not sent: The host localhost is a private or local address/);
    expect(delivery.attempts).toBe(1);
    expect(r.received).toEqual([]);
  });
});

describe("the delivery log", () => {
  it("is pruned after 30 days, except deliveries still waiting for a retry", async () => {
    const { studio, endpointId } = await studioWithEndpoint(["lead.created"]);
    const old = new Date(Date.now() - 31 * 86_400_000);
    const event = (createdAt: Date, status: "SUCCEEDED" | "PENDING") =>
      db().webhookEvent.create({
        data: {
          studioId: studio.id,
          type: "lead.created",
          data: {},
          createdAt,
          deliveries: { create: { endpointId, status } },
        },
      });
    const [done, waiting, recent] = [
      await event(old, "SUCCEEDED"),
      await event(old, "PENDING"),
      await event(new Date(), "SUCCEEDED"),
    ];
    await pruneExpired(scratch.url);
    const left = await db().webhookEvent.findMany({ where: { studioId: studio.id }, select: { id: true } });
    expect(left.map((e) => e.id).sort()).toEqual([waiting.id, recent.id].sort());
    expect(await db().webhookDelivery.count({ where: { eventId: done.id } })).toBe(0);
  });
});

describe("webhook endpoints", () => {
  const refusedAt = async (url: string) => {
    const { studio } = await createStudio(db());
    return inTx((tx) =>
      createWebhookEndpoint(tx, {
        studioId: studio.id,
        input: { url, description: "", eventTypes: ["lead.created"] },
        policy: { allowPrivate: false },
      }),
    ).then(
      () => null,
      (error: { code?: string; fieldErrors?: Record<string, string[]> }) =>
        error.fieldErrors?.url?.[0] ?? String(error),
    );
  };

  it.each([
    "https://127.0.0.1/hook",
    "https://10.1.2.3/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://[::1]/hook",
    "https://[fd00::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://100.64.0.1/hook",
    "https://localhost/hook",
  ])("refuses %s at registration", async (url) => {
    expect(await refusedAt(url)).toMatch(/private or local address/);
  });

  it("refuses plain http and URLs with credentials, and accepts a public https address", async () => {
    expect(await refusedAt("http://203.0.113.10/hook")).toBe("The URL must start with https://.");
    expect(await refusedAt("https://user:pw@203.0.113.10/hook")).toMatch(/no user name or password/);
    expect(await refusedAt("not a url")).toMatch(/full URL/);
    expect(await refusedAt("https://203.0.113.10/hook")).toBeNull();
  });

  it("makes a Standard Webhooks secret per endpoint", async () => {
    const { endpointId } = await studioWithEndpoint(["lead.created"]);
    const { secret } = await db().webhookEndpoint.findUniqueOrThrow({
      where: { id: endpointId },
      select: { secret: true },
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  });

  it("treats another studio's endpoint or delivery as missing, and never delivers one studio's events to another", async () => {
    const a = await studioWithEndpoint(["lead.created"]);
    const b = await studioWithEndpoint(["lead.created"]);
    await inTx((tx) => createLead(tx, { studioId: a.studio.id, input: leadInput() }));
    const [delivery] = await deliveries(a.endpointId);
    expect(await deliveries(b.endpointId)).toEqual([]);
    const asB = { studioId: b.studio.id, endpointId: a.endpointId };
    for (const attempt of [
      () => inTx((tx) => resendWebhookDelivery(tx, { ...asB, deliveryId: delivery.id })),
      () => inTx((tx) => resendWebhookDelivery(tx, { ...asB, endpointId: b.endpointId, deliveryId: delivery.id })),
      () => inTx((tx) => setWebhookEndpointEnabled(tx, { ...asB, enabled: false })),
      () => inTx((tx) => deleteWebhookEndpoint(tx, asB)),
    ])
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: a.endpointId } })).toMatchObject({
      isEnabled: true,
    });
  });

  it("asks for at least one event, and only listed ones", () => {
    const errors = (form: Record<string, unknown>) => {
      const parsed = createWebhookEndpointSchema.safeParse(form);
      return parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    };
    expect(errors({ url: "https://203.0.113.10/hook" }).eventTypes).toEqual(["Choose at least one event."]);
    expect(errors({ url: "https://203.0.113.10/hook", eventTypes: ["lead.deleted"] }).eventTypes).toEqual([
      "Choose events from the list.",
    ]);
    expect(errors({ url: "", eventTypes: ["lead.created"] }).url).toEqual([
      "Enter the URL that receives the webhooks.",
    ]);
  });
});
