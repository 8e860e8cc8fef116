import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/mutations";
import { createApiDocument } from "@/lib/api/openapi";
import { dayKeyOf, timeOfDayOf } from "@/lib/calendar/zoned";
import { findContactPage } from "@/lib/contacts/queries";
import { createContract } from "@/lib/contracts/mutations";
import { createInvoiceFromProposal, sendInvoice } from "@/lib/invoices/mutations";
import { findInvoicePage } from "@/lib/invoices/queries";
import { recordPaymentSchema } from "@/lib/invoices/schemas";
import { recordPayment } from "@/lib/payments/mutations";
import { hashToken } from "@/lib/tokens";
import {
  createContact,
  createContractTemplate,
  createEvent,
  createJob,
  createLead,
  createStudio,
  createTask,
  newToken as newLinkToken,
  randomSuffix,
} from "@/prisma/factories";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { waitForReplay } from "@/scripts/testing/database";

// The public API against a real app whose one replica applies WAL 3 s late. Each test makes its
// own studio and tokens; the rate limit is lowered to 20 a minute so a test can reach it.

const { primaryUrl, replicaUrls } = inject("database");
const [delayedReplica] = replicaUrls;
const LIMIT = 20;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    primaryUrl,
    replicaUrls: [delayedReplica],
    // The files beside this one write to the same primary (a bench studio is tens of megabytes of
    // WAL); the delayed replica must stay in rotation whatever they write, not fall out past the
    // 16 MB default and send the unpinned reads below to the primary.
    env: { API_RATE_LIMIT_PER_MINUTE: String(LIMIT), REPLICA_MAX_LAG_BYTES: String(2 ** 40) },
  });
});
afterAll(() => app?.stop());

type Scope = "READ" | "WRITE";

async function studioWithToken(scope: Scope = "WRITE") {
  const { studio, owner } = await createStudio(primaryDb());
  const token = await newToken(studio.id, owner.id, scope);
  return { studioId: studio.id, ownerId: owner.id, ...token };
}

function newToken(studioId: string, userId: string, scope: Scope) {
  return primaryDb().$transaction((tx) => createApiToken(tx, { studioId, userId, input: { name: "Test", scope } }));
}

async function call(
  path: string,
  {
    secret,
    method = "GET",
    body,
    headers = {},
  }: { secret?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(new URL(path, app.url), {
    method,
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json, headers: res.headers, text };
}

const newLead = (tag: string) => ({
  name: `Api ${tag}`,
  email: `api-${tag}-${Math.random().toString(36).slice(2, 8)}@example.com`,
  eventType: "wedding",
  eventDate: "2027-06-12",
});

describe("API tokens", () => {
  it("a token is shown once with its prefix, only its hash is stored, and its use is noted at most once a minute", async () => {
    const { id, secret } = await studioWithToken("READ");
    expect(secret).toMatch(/^sq_live_[A-Za-z0-9_-]{43}$/);
    const stored = await primaryDb().$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "ApiToken" t WHERE id = $1`,
      id,
    );
    expect(stored[0].row).not.toContain(secret.slice("sq_live_".length));

    expect((await call("/api/v1/leads", { secret })).status).toBe(200);
    const first = await primaryDb().apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } });
    expect(first.lastUsedAt).not.toBeNull();
    expect((await call("/api/v1/leads", { secret })).status).toBe(200);
    const second = await primaryDb().apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } });
    expect(second.lastUsedAt).toEqual(first.lastUsedAt);
  });

  it("no token, an unknown one and a revoked one get 401 problem details; revoking works at once", async () => {
    const { studioId, id, secret } = await studioWithToken();
    for (const s of [undefined, "sq_live_unknown", `${secret}x`]) {
      const res = await call("/api/v1/leads", { secret: s });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(res.json).toMatchObject({ type: "/docs/api#problem-unauthenticated", status: 401 });
    }
    expect((await call("/api/v1/leads", { secret })).status).toBe(200);
    await primaryDb().$transaction((tx) => revokeApiToken(tx, { studioId, apiTokenId: id }));
    expect((await call("/api/v1/leads", { secret })).status).toBe(401);
    expect((await call("/api/v1/leads", { secret, method: "POST", body: newLead("revoked") })).status).toBe(401);
  });

  it("a read-only token can read but gets 403 on a write, and nothing is saved", async () => {
    const { studioId, secret } = await studioWithToken("READ");
    expect((await call("/api/v1/jobs", { secret })).status).toBe(200);
    const lead = newLead("readonly");
    const res = await call("/api/v1/leads", { secret, method: "POST", body: lead });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ type: "/docs/api#problem-insufficient-scope", status: 403 });
    expect(await primaryDb().lead.count({ where: { studioId, email: lead.email } })).toBe(0);
  });
});

describe("/api/v1", () => {
  it("creates a lead through the form's schema and mutation, and reads it back with the read-after header", async () => {
    const { studioId, secret } = await studioWithToken();
    const lead = newLead("create");
    const created = await call("/api/v1/leads", {
      secret,
      method: "POST",
      body: { ...lead, email: lead.email.toUpperCase() },
    });
    expect(created.status).toBe(201);
    const leadId = created.json.id as string;
    // The answer is the lead as GET returns it, and Location is where to GET it.
    expect(created.json).toMatchObject({ id: leadId, email: lead.email, status: "NEW", source: "api" });
    expect(created.headers.get("location")).toBe(`/api/v1/leads/${leadId}`);
    const row = await primaryDb().lead.findFirstOrThrow({ where: { id: leadId, studioId } });
    // The same schema as the form: the address is normalised, the date stored as a date.
    expect(row).toMatchObject({ email: lead.email, source: "api", eventType: "wedding" });
    const readAfter = created.headers.get("x-shootq-read-after");
    expect(readAfter).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

    const got = await call(`/api/v1/leads/${leadId}`, { secret, headers: { "x-shootq-read-after": readAfter! } });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      id: leadId,
      name: lead.name,
      email: lead.email,
      eventDate: "2027-06-12",
      status: "NEW",
    });
    const list = await call("/api/v1/leads", { secret, headers: { "x-shootq-read-after": readAfter! } });
    expect((list.json.data as { id: string }[]).map((l) => l.id)).toContain(leadId);
  });

  it("a read carrying the write's position is served by a host that has it; one without reads the lagging replica", async () => {
    const { secret } = await studioWithToken();
    for (let i = 0; i < 5; i++) {
      const created = await call("/api/v1/leads", { secret, method: "POST", body: newLead(`ryw${i}`) });
      expect(created.status).toBe(201);
      const readAfter = created.headers.get("x-shootq-read-after")!;
      const pinned = await call(`/api/v1/leads/${created.json.id}`, {
        secret,
        headers: { "x-shootq-read-after": readAfter },
      });
      expect(pinned.status).toBe(200);
      const unpinned = await call("/api/v1/clients", { secret });
      expect(unpinned.headers.get("x-shootq-reads")).toBe("replica-1");
    }
  });

  it("invalid input answers 400 problem details with every field's message, and saves nothing", async () => {
    const { studioId, secret } = await studioWithToken();
    const res = await call("/api/v1/leads", {
      secret,
      method: "POST",
      body: { name: "", email: "not-an-email", eventType: "wedding" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const pointers = (res.json.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["#/name", "#/email"]));
    const bad = await call("/api/v1/leads", {
      secret,
      method: "POST",
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(await primaryDb().lead.count({ where: { studioId } })).toBe(0);
  });

  it("another studio's lead, job and client answer 404, and its leads are in no list", async () => {
    const mine = await studioWithToken("READ");
    const other = await createStudio(primaryDb());
    const lead = await createLead(primaryDb(), { studioId: other.studio.id, name: "Other Studio Lead" });
    const job = await createJob(primaryDb(), { studioId: other.studio.id, title: "Other Studio Job" });
    await waitForReplay({ primaryUrl, replicaUrls: [delayedReplica] });
    for (const path of [`/api/v1/leads/${lead.id}`, `/api/v1/jobs/${job.id}`, `/api/v1/clients/${job.contactId}`]) {
      const res = await call(path, { secret: mine.secret });
      expect(res.status, path).toBe(404);
      expect(res.json).toMatchObject({ type: "/docs/api#problem-not-found" });
      expect(res.text).not.toContain("Other Studio");
    }
    const list = await call("/api/v1/leads", { secret: mine.secret });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain("Other Studio");
  });

  it("counts requests per token in the database: 20 a minute, the rest 429 with Retry-After, other tokens unaffected", async () => {
    const { studioId, ownerId, secret } = await studioWithToken("READ");
    const first = await call("/api/v1/clients", { secret });
    expect(first.headers.get("ratelimit-limit")).toBe(String(LIMIT));
    expect(first.headers.get("ratelimit-remaining")).toBe(String(LIMIT - 1));
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    // Sent at once: the count is one atomic statement per request, so exactly the limit pass.
    const burst = await Promise.all(Array.from({ length: LIMIT + 4 }, () => call("/api/v1/clients", { secret })));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const refused = burst.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.json).toMatchObject({ type: "/docs/api#problem-rate-limited", status: 429 });
    const another = await newToken(studioId, ownerId, "READ");
    expect((await call("/api/v1/clients", { secret: another.secret })).status).toBe(200);
  });

  it("Idempotency-Key: the same key and body give the first answer and one lead; another body is refused with 422", async () => {
    const { studioId, secret } = await studioWithToken();
    const lead = newLead("idem");
    const headers = { "idempotency-key": "order-1" };
    const first = await call("/api/v1/leads", { secret, method: "POST", body: lead, headers });
    const again = await call("/api/v1/leads", { secret, method: "POST", body: lead, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(await primaryDb().lead.count({ where: { studioId, email: lead.email } })).toBe(1);
    const other = await call("/api/v1/leads", { secret, method: "POST", body: newLead("idem2"), headers });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ type: "/docs/api#problem-idempotency-key-reused" });
    expect(await primaryDb().lead.count({ where: { studioId } })).toBe(1);
  });

  it("Idempotency-Key: five concurrent requests with one key make one lead and all get its id", async () => {
    const { studioId, secret } = await studioWithToken();
    const lead = newLead("race");
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call("/api/v1/leads", { secret, method: "POST", body: lead, headers: { "idempotency-key": "race-key" } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(await primaryDb().lead.count({ where: { studioId, email: lead.email } })).toBe(1);
  });

  it("serves the OpenAPI document without a token and the reference page lists every operation", async () => {
    const doc = await call("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.json).toEqual(JSON.parse(JSON.stringify(createApiDocument())));
    const page = await fetch(new URL("/docs/api", app.url));
    const html = await page.text();
    expect(page.status).toBe(200);
    for (const path of Object.keys(createApiDocument().paths ?? {})) expect(html).toContain(path);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });
});

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { timeout: 20_000 });

/**
 * A studio's work in the states the lists tell apart, made by the app's own mutations where they
 * exist: a job with an upcoming shoot and an open task, two accepted proposals and a draft, a sent
 * invoice with a check recorded on it, a draft invoice and a draft contract.
 */
async function studioWork(studioId: string, ownerId: string) {
  const db = primaryDb();
  const studio = await db.studio.findUniqueOrThrow({ where: { id: studioId } });
  const job = await createJob(db, {
    studioId,
    title: "Ito Wedding",
    contact: { name: "Mai Ito", email: `mai-${randomSuffix()}@example.com` },
  });
  const shoot = await createEvent(db, {
    studioId,
    jobId: job.id,
    name: "Wedding day",
    startsAt: new Date(Date.now() + 30 * 86_400_000),
  });
  const task = await createTask(db, { studioId, jobId: job.id, name: "Order album", workflow: "Album" });
  const proposal = (title: string, status: "ACCEPTED" | "DRAFT", cents: number) =>
    db.proposal.create({
      data: {
        studioId,
        jobId: job.id,
        title,
        status,
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
        tokenHash: hashToken(newLinkToken()),
        items: { create: { position: 0, description: `${title} coverage`, unitPriceCents: cents } },
      },
    });
  const accepted = await proposal("Full day", "ACCEPTED", 300_000);
  const second = await proposal("Album", "ACCEPTED", 80_000);
  const draft = await proposal("Second shooter", "DRAFT", 50_000);
  const invoice = await inTx((tx) => createInvoiceFromProposal(tx, { studioId, proposalId: accepted.id }));
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
        reference: "Check 1042",
        receivedOn: dayKeyOf(new Date(), studio.timeZone),
        currency: studio.currency,
        locale: studio.locale,
      }),
    }),
  );
  const draftInvoice = await inTx((tx) => createInvoiceFromProposal(tx, { studioId, proposalId: second.id }));
  const template = await createContractTemplate(db, { studioId, authorId: ownerId });
  const contract = await inTx((tx) =>
    createContract(tx, {
      studioId,
      actor: { id: ownerId, name: "Owner" },
      input: { jobId: job.id, templateId: template.id },
    }),
  );
  return { studio, job, shoot, task, accepted, second, draft, invoice, draftInvoice, contract };
}

/** Link tokens and their hashes, and rendered documents, never leave through the API. */
const SECRET_FIELDS = /tokenHash|documentHash|"html"|"body"|\/[pic]\/[A-Za-z0-9_-]{20}/;

describe("/api/v1 reads", () => {
  it("lists and gets clients, events, proposals, contracts, invoices, payments and tasks, without tokens or hashes", async () => {
    const { studioId, ownerId, secret } = await studioWithToken("READ");
    const w = await studioWork(studioId, ownerId);
    await waitForReplay({ primaryUrl, replicaUrls: [delayedReplica] });
    const get = async (path: string) => {
      const res = await call(path, { secret });
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toMatch(SECRET_FIELDS);
      return res.json;
    };
    const ids = (page: Record<string, unknown>) => (page.data as { id: string }[]).map((r) => r.id);

    expect((await get("/api/v1/clients")).data).toEqual([
      expect.objectContaining({ id: w.job.contactId, name: "Mai Ito", jobCount: 1, leadCount: 0 }),
    ]);
    expect(await get(`/api/v1/clients/${w.job.contactId}`)).toMatchObject({
      name: "Mai Ito",
      jobs: [{ id: w.job.id, title: "Ito Wedding" }],
    });
    expect(ids(await get("/api/v1/events"))).toEqual([w.shoot.id]);
    expect(await get(`/api/v1/events/${w.shoot.id}`)).toMatchObject({
      name: "Wedding day",
      isShoot: true,
      jobId: w.job.id,
      startsAt: w.shoot.startsAt.toISOString(),
    });
    const proposals = await get(`/api/v1/jobs/${w.job.id}/proposals`);
    expect(ids(proposals).sort()).toEqual([w.accepted.id, w.second.id, w.draft.id].sort());
    expect(await get(`/api/v1/proposals/${w.accepted.id}`)).toMatchObject({
      status: "ACCEPTED",
      jobId: w.job.id,
      totalMinor: 300_000,
      items: [{ description: "Full day coverage", quantity: 1, unitPriceMinor: 300_000 }],
    });
    expect(ids(await get(`/api/v1/jobs/${w.job.id}/contracts`))).toEqual([w.contract.id]);
    expect(await get(`/api/v1/contracts/${w.contract.id}`)).toMatchObject({ status: "DRAFT", jobId: w.job.id });
    // The invoice list's views are the /invoices page's.
    expect(ids(await get("/api/v1/invoices?view=draft"))).toEqual([w.draftInvoice.id]);
    expect(ids(await get("/api/v1/invoices?view=due"))).toEqual([w.invoice.id]);
    expect(ids(await get("/api/v1/invoices"))).toEqual([w.draftInvoice.id, w.invoice.id]);
    const invoice = await get(`/api/v1/invoices/${w.invoice.id}`);
    expect(invoice).toMatchObject({ status: "PARTIALLY_PAID", totalMinor: 300_000, paidMinor: 10_000 });
    expect(invoice.payments).toEqual([
      expect.objectContaining({ method: "CHECK", amountMinor: 10_000, reference: "Check 1042" }),
    ]);
    expect((await get("/api/v1/payments")).data).toEqual([
      expect.objectContaining({ invoiceId: w.invoice.id, kind: "PAYMENT", amountMinor: 10_000, client: "Mai Ito" }),
    ]);
    expect((await get("/api/v1/tasks")).data).toEqual([
      expect.objectContaining({ id: w.task.id, name: "Order album", jobId: w.job.id, completedAt: null }),
    ]);
  });

  it("pages and filters clients exactly as the /clients list does", async () => {
    const { studioId, secret } = await studioWithToken("READ");
    const tag = randomSuffix();
    for (let i = 0; i < 27; i++)
      await createContact(primaryDb(), { studioId, name: `${i % 3 === 0 ? "Quinn" : "Rowan"} ${tag} ${i}` });
    await waitForReplay({ primaryUrl, replicaUrls: [delayedReplica] });
    const ui = (request: { q?: string; after?: string; before?: string }) =>
      findContactPage(dbForHost("primary"), { studioId, ...request }).then((p) => ({
        ids: p.rows.map((r) => r.id),
        next: p.next ?? null,
        prev: p.prev ?? null,
      }));
    const api = async (query: string) => {
      const res = await call(`/api/v1/clients${query}`, { secret });
      expect(res.status, query).toBe(200);
      const { data, next, prev } = res.json as { data: { id: string }[]; next: string | null; prev: string | null };
      return { ids: data.map((c) => c.id), next, prev };
    };
    const first = await api("");
    expect(first).toEqual(await ui({}));
    expect(first.ids).toHaveLength(25);
    const second = await api(`?after=${encodeURIComponent(first.next!)}`);
    expect(second).toEqual(await ui({ after: first.next! }));
    expect(second.ids).toHaveLength(2);
    expect(second.next).toBeNull();
    expect(await api(`?before=${encodeURIComponent(second.prev!)}`)).toEqual(first);
    const quinns = await api("?q=quinn");
    expect(quinns).toEqual(await ui({ q: "quinn" }));
    expect(quinns.ids).toHaveLength(9);
    // Another view of invoices than the page knows reads as "all", like the page.
    const invoices = await call("/api/v1/invoices?view=nonsense", { secret });
    const all = await findInvoicePage(dbForHost("primary"), { studioId, view: "all" });
    expect((invoices.json.data as { id: string }[]).map((i) => i.id)).toEqual(all.rows.map((i) => i.id));
  });
});

describe("/api/v1 writes", () => {
  it("PATCH /leads/{id} moves a lead's stage and edits its fields like the forms, and is read back at once", async () => {
    const { studioId, secret } = await studioWithToken();
    const lead = await createLead(primaryDb(), { studioId, name: "Patch Me", message: "Hello" });
    const res = await call(`/api/v1/leads/${lead.id}`, {
      secret,
      method: "PATCH",
      body: { status: "CONTACTED", phone: "555 0100", message: "" },
    });
    expect(res.status, res.text).toBe(200);
    // Left out: unchanged; empty: cleared, as an emptied form field.
    expect(res.json).toMatchObject({
      id: lead.id,
      status: "CONTACTED",
      phone: "555 0100",
      message: null,
      name: "Patch Me",
    });
    const readAfter = res.headers.get("x-shootq-read-after")!;
    const got = await call(`/api/v1/leads/${lead.id}`, { secret, headers: { "x-shootq-read-after": readAfter } });
    expect(got.json).toEqual(res.json);
    const row = await primaryDb().lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ status: "CONTACTED", phone: "555 0100", message: null, email: lead.email });
  });

  it("a PATCH of a field the form does not have, or of a bad value, is a 400 pointing at it, and changes nothing", async () => {
    const { studioId, secret } = await studioWithToken();
    const lead = await createLead(primaryDb(), { studioId, name: "Keep Me" });
    for (const [body, pointers] of [
      [{ source: "web", status: "CONTACTED" }, ["#/source"]],
      [{ status: "WON", email: "nope" }, ["#/status", "#/email"]],
      [{ name: "" }, ["#/name"]],
    ] as const) {
      const res = await call(`/api/v1/leads/${lead.id}`, { secret, method: "PATCH", body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect((res.json.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([...pointers].sort());
    }
    const row = await primaryDb().lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ name: "Keep Me", status: lead.status, source: lead.source, email: lead.email });
    const task = await call(`/api/v1/tasks/${lead.id}`, { secret, method: "PATCH", body: { completed: false } });
    expect((task.json.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["#/completed"]);
  });

  it("a read-only token gets 403 on every PATCH and POST, and nothing changes", async () => {
    const { studioId, ownerId, secret } = await studioWithToken("READ");
    const w = await studioWork(studioId, ownerId);
    const lead = await createLead(primaryDb(), { studioId, name: "Read Only" });
    for (const [method, path, body] of [
      ["PATCH", `/api/v1/leads/${lead.id}`, { status: "LOST" }],
      ["PATCH", `/api/v1/clients/${w.job.contactId}`, { name: "Renamed" }],
      ["PATCH", `/api/v1/events/${w.shoot.id}`, { name: "Renamed" }],
      ["PATCH", `/api/v1/tasks/${w.task.id}`, { completed: true }],
      ["PATCH", `/api/v1/jobs/${w.job.id}`, { status: "CANCELLED" }],
      ["POST", "/api/v1/jobs", { title: "Extra", type: "wedding", brandId: w.job.brandId, contactId: w.job.contactId }],
      ["POST", "/api/v1/events", { jobId: w.job.id, name: "Extra", date: "2030-06-01", startTime: "10:00" }],
    ] as const) {
      const res = await call(path, { secret, method, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await primaryDb().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: lead.status });
    expect(await primaryDb().event.count({ where: { studioId } })).toBe(1);
    expect(await primaryDb().task.findUniqueOrThrow({ where: { id: w.task.id } })).toMatchObject({ completedAt: null });
  });

  it("PATCH /clients/{id} edits a client like the edit form; an email another client has is a 409 at the field", async () => {
    const { studioId, secret } = await studioWithToken();
    const job = await createJob(primaryDb(), { studioId, contact: { name: "Ana Lima", email: "ana@example.com" } });
    await createContact(primaryDb(), { studioId, name: "Other Person", email: "other@example.com" });
    const res = await call(`/api/v1/clients/${job.contactId}`, {
      secret,
      method: "PATCH",
      body: { notes: "Prefers email", address: "1 Main St" },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      name: "Ana Lima",
      email: "ana@example.com",
      notes: "Prefers email",
      address: "1 Main St",
    });
    const taken = await call(`/api/v1/clients/${job.contactId}`, {
      secret,
      method: "PATCH",
      body: { email: "Other@Example.com" },
    });
    expect(taken.status).toBe(409);
    expect((taken.json.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["#/email"]);
    expect(await primaryDb().contact.findUniqueOrThrow({ where: { id: job.contactId } })).toMatchObject({
      email: "ana@example.com",
      notes: "Prefers email",
    });
  });

  it("POST /events adds a session to a job once per Idempotency-Key; PATCH /events/{id} moves it in the studio's zone", async () => {
    const { studioId, secret } = await studioWithToken();
    const job = await createJob(primaryDb(), { studioId });
    const { timeZone } = await primaryDb().studio.findUniqueOrThrow({ where: { id: studioId } });
    const body = {
      jobId: job.id,
      name: "Engagement",
      date: "2030-06-01",
      startTime: "10:00",
      endTime: "12:00",
      isShoot: true,
    };
    const headers = { "idempotency-key": "event-1" };
    const created = await call("/api/v1/events", { secret, method: "POST", body, headers });
    expect(created.status, created.text).toBe(201);
    const again = await call("/api/v1/events", { secret, method: "POST", body, headers });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(created.json);
    expect(await primaryDb().event.count({ where: { studioId } })).toBe(1);
    const id = created.json.id as string;
    expect(created.headers.get("location")).toBe(`/api/v1/events/${id}`);
    expect(created.json).toMatchObject({ name: "Engagement", jobId: job.id, isShoot: true, location: null });
    const startsAt = new Date(created.json.startsAt as string);
    expect([dayKeyOf(startsAt, timeZone), timeOfDayOf(startsAt, timeZone)]).toEqual(["2030-06-01", "10:00"]);

    const moved = await call(`/api/v1/events/${id}`, { secret, method: "PATCH", body: { startTime: "09:30" } });
    expect(moved.status, moved.text).toBe(200);
    expect(timeOfDayOf(new Date(moved.json.startsAt as string), timeZone)).toBe("09:30");
    expect(timeOfDayOf(new Date(moved.json.endsAt as string), timeZone)).toBe("12:00");
    const got = await call(created.headers.get("location")!, {
      secret,
      headers: { "x-shootq-read-after": moved.headers.get("x-shootq-read-after")! },
    });
    expect(got.json).toEqual(moved.json);
    // Merged with what is saved, the end would come before the start.
    const backwards = await call(`/api/v1/events/${id}`, { secret, method: "PATCH", body: { startTime: "13:00" } });
    expect(backwards.status).toBe(400);
    expect((backwards.json.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["#/endTime"]);
    const invalid = await call("/api/v1/events", {
      secret,
      method: "POST",
      body: { jobId: job.id, date: "2030-02-30" },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.json.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      "#/date",
      "#/name",
      "#/startTime",
    ]);
  });

  it("POST /jobs creates a job for a new client like the New job form; PATCH /jobs/{id} edits it but leaves a dated job's move to its page", async () => {
    const { studioId, secret } = await studioWithToken();
    const brand = await primaryDb().brand.findFirstOrThrow({ where: { studioId }, select: { id: true } });
    const email = `new-client-${randomSuffix()}@example.com`;
    const created = await call("/api/v1/jobs", {
      secret,
      method: "POST",
      body: {
        title: "Sato Portraits",
        type: "portrait",
        brandId: brand.id,
        contactName: "Ren Sato",
        contactEmail: email,
      },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    expect(created.headers.get("location")).toBe(`/api/v1/jobs/${id}`);
    expect(created.json).toMatchObject({ title: "Sato Portraits", type: "portrait", client: "Ren Sato", date: null });
    const client = await primaryDb().contact.findFirstOrThrow({ where: { studioId, email } });
    expect(created.json.clientId).toBe(client.id);
    const missing = await call("/api/v1/jobs", {
      secret,
      method: "POST",
      body: { title: "No client", type: "wedding", brandId: brand.id },
    });
    expect((missing.json.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual([
      "#/contactEmail",
      "#/contactName",
    ]);

    const edited = await call(`/api/v1/jobs/${id}`, {
      secret,
      method: "PATCH",
      body: { title: "Sato Family Portraits", date: "2030-05-04", status: "BOOKED", notes: "Golden hour" },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({
      title: "Sato Family Portraits",
      date: "2030-05-04",
      status: "BOOKED",
      notes: "Golden hour",
      client: "Ren Sato",
    });
    // Now dated: a new date would move its events, invoices and tasks, which the job page previews.
    const moved = await call(`/api/v1/jobs/${id}`, {
      secret,
      method: "PATCH",
      body: { date: "2030-06-01", title: "Moved" },
    });
    expect(moved.status).toBe(409);
    expect((moved.json.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["#/date"]);
    expect(await primaryDb().job.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Sato Family Portraits",
    });
  });

  it("PATCH /tasks/{id} completes an open task once: it leaves the list, and again is a 409", async () => {
    const { studioId, secret } = await studioWithToken();
    const job = await createJob(primaryDb(), { studioId });
    const task = await createTask(primaryDb(), { studioId, jobId: job.id, name: "Cull photos" });
    const done = await call(`/api/v1/tasks/${task.id}`, { secret, method: "PATCH", body: { completed: true } });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ id: task.id, name: "Cull photos", overdueDays: 0 });
    expect(done.json.completedAt).toEqual(expect.any(String));
    const list = await call("/api/v1/tasks", {
      secret,
      headers: { "x-shootq-read-after": done.headers.get("x-shootq-read-after")! },
    });
    expect(list.json.data).toEqual([]);
    const again = await call(`/api/v1/tasks/${task.id}`, { secret, method: "PATCH", body: { completed: true } });
    expect(again.status).toBe(409);
  });
});
