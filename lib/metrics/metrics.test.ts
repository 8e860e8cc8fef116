import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/mutations";
import { READ_AFTER_HEADER } from "@/lib/api/read-after";
import { primaryDb } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { createStudio } from "@/prisma/factories";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { scrapeNode } from "@/scripts/testing/metrics-scrape";

// An operator's scrape of one node: it answers only with the operator token, and what the node
// did between two scrapes shows in it.

const { primaryUrl, replicaUrls } = inject("database");

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ primaryUrl, replicaUrls });
});
afterAll(() => app?.stop());

const scrape = () => scrapeNode(app.url);

const value = (s: Map<string, number>, key: string) => s.get(key) ?? 0;

describe("metrics", () => {
  it("answer only the operator: anyone else, signed in or not, gets a 404", async () => {
    for (const headers of [{}, { authorization: "Bearer not-the-operator-token" }] as Record<string, string>[]) {
      const res = await fetch(`${app.url}/api/metrics`, { headers });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("shootq_");
    }
  });

  it("count read-host decisions by reason, writes by outcome, and show the replicas and the email queue", async () => {
    const { studio, owner } = await createStudio(primaryDb());
    const { secret } = await primaryDb().$transaction((tx) =>
      createApiToken(tx, { studioId: studio.id, userId: owner.id, input: { name: "Metrics", scope: "WRITE" } }),
    );
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${app.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...init.headers },
      });
    const before = await scrape();

    for (let i = 0; i < 3; i++) expect((await api("/api/v1/leads")).status).toBe(200);
    const created = await api("/api/v1/leads", {
      method: "POST",
      body: JSON.stringify({ name: "Metric Lead", email: "metric.lead@example.com", eventType: "wedding" }),
    });
    expect(created.status).toBe(201);
    const refused = await api("/api/v1/leads", { method: "POST", body: JSON.stringify({ name: "" }) });
    expect(refused.status).toBe(400);
    // Right after its write, the client reads with the position the write answered: pinned.
    const readAfter = created.headers.get(READ_AFTER_HEADER);
    expect(readAfter).toBeTruthy();
    expect((await api("/api/v1/leads", { headers: { [READ_AFTER_HEADER]: readAfter! } })).status).toBe(200);
    // An email queued as the app queues one: its row, and its job in the email queue.
    await primaryDb().$transaction((tx) =>
      queueEmail(tx, {
        studioId: studio.id,
        kind: "system.notice",
        to: "client@example.com",
        params: { subject: "Hello", text: "Hi" },
      }),
    );

    const after = await scrape();
    const moved = (key: string) => value(after, key) - value(before, key);
    expect(moved('shootq_read_host_decisions_total{host="replica",reason="replica"}')).toBeGreaterThanOrEqual(3);
    expect(moved('shootq_read_host_decisions_total{host="primary",reason="write request"}')).toBe(2);
    const pinned = [...after.keys()].filter((k) => /^shootq_read_host_decisions_total\{.*reason="pinned/.test(k));
    expect(pinned.reduce((n, k) => n + moved(k), 0)).toBeGreaterThanOrEqual(1);
    expect(moved('shootq_write_duration_seconds_count{kind="api",status="ok"}')).toBeGreaterThanOrEqual(1);
    expect(moved('shootq_write_duration_seconds_count{kind="api",status="400"}')).toBe(1);
    expect(value(after, "shootq_primary_reachable")).toBe(1);
    replicaUrls.forEach((_, i) =>
      expect(after.has(`shootq_replica_in_rotation{replica="replica-${i + 1}"}`)).toBe(true),
    );
    expect(value(after, "shootq_emails_queued")).toBeGreaterThanOrEqual(1);
    expect(value(after, 'shootq_queue_due_jobs{queue="email"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'shootq_queue_oldest_due_job_age_seconds{queue="email"}')).toBeGreaterThanOrEqual(0);
    // Each database pool of the node: its connections in use and idle (within DB_POOL_SIZE; idle
    // ones close after 10 s, so a slow run may find none open) and the queries waiting for one.
    for (const pool of ["shootq-primary", ...replicaUrls.map((_, i) => `shootq-replica-${i + 1}`)]) {
      const state = (s: string) => after.get(`shootq_db_pool_connections{pool="${pool}",state="${s}"}`);
      for (const s of ["in_use", "idle", "waiting"])
        expect(Number.isInteger(state(s)) && state(s)! >= 0, `${pool} ${s}`).toBe(true);
      expect(state("in_use")! + state("idle")!, pool).toBeLessThanOrEqual(Number(process.env.DB_POOL_SIZE ?? 10));
    }
    expect(value(after, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(after.has("process_resident_memory_bytes")).toBe(true);
  });
});
