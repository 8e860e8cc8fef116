import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/mutations";
import { createApiDocument } from "@/lib/api/openapi";
import { createJob, createLead, createStudio } from "@/prisma/factories";
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
    env: { API_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
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
      const unpinned = await call("/api/v1/contacts", { secret });
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
    for (const path of [`/api/v1/leads/${lead.id}`, `/api/v1/jobs/${job.id}`, `/api/v1/contacts/${job.contactId}`]) {
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
    const first = await call("/api/v1/contacts", { secret });
    expect(first.headers.get("ratelimit-limit")).toBe(String(LIMIT));
    expect(first.headers.get("ratelimit-remaining")).toBe(String(LIMIT - 1));
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    // Sent at once: the count is one atomic statement per request, so exactly the limit pass.
    const burst = await Promise.all(Array.from({ length: LIMIT + 4 }, () => call("/api/v1/contacts", { secret })));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const refused = burst.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.json).toMatchObject({ type: "/docs/api#problem-rate-limited", status: 429 });
    const another = await newToken(studioId, ownerId, "READ");
    expect((await call("/api/v1/contacts", { secret: another.secret })).status).toBe(200);
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
