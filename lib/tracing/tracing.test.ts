import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { createStudio } from "@/prisma/factories";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { scrapeNode } from "@/scripts/testing/metrics-scrape";
import {
  attr,
  startOtlpCollector,
  type ExportedSpan as Exported,
  type OtlpCollector,
  type OtlpSpan,
} from "@/scripts/testing/otlp-collector";

// One real node with OpenTelemetry exporting to a stand-in OTLP/HTTP collector on loopback: what
// an operator's collector would receive, and the request timings in the node's own metrics.

const { primaryUrl, replicaUrls } = inject("database");

let collector: OtlpCollector;
let exported: Exported[];
let app: TestApp;

beforeAll(async () => {
  collector = await startOtlpCollector();
  exported = collector.spans;
  app = await startTestApp({
    primaryUrl,
    replicaUrls,
    // Inquiries are limited per address in the shared database: this node's own stay far below it.
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      SHOOTQ_NODE_NAME: "trace-test-node",
      INQUIRY_LIMIT_PER_HOUR: "100000",
    },
  });
});
afterAll(async () => {
  await app?.stop();
  await collector?.close();
});

const scrape = () => scrapeNode(app.url);

describe("tracing", () => {
  it("continues the caller's trace: the node exports the request's span, named by its route, with its status", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const callerSpan = "00f067aa0ba902b7";
    const res = await fetch(`${app.url}/sign-in`, { headers: { traceparent: `00-${traceId}-${callerSpan}-01` } });
    expect(res.status).toBe(200);
    const inTrace = () => exported.filter((e) => e.span.traceId === traceId);
    const isRequest = (e: Exported) => attr(e.span.attributes, "next.span_type") === "BaseServer.handleRequest";
    // Next.js's router span (the caller's child) and, inside it, the render's, which names the route.
    let request: Exported | undefined;
    await expect
      .poll(
        () => {
          request = inTrace().find((e) => isRequest(e) && attr(e.span.attributes, "next.route"));
          return request;
        },
        { timeout: 15_000 },
      )
      .toBeTruthy();
    const router = inTrace().find((e) => e.span.spanId === request!.span.parentSpanId);
    expect(router && isRequest(router)).toBe(true);
    expect(router!.span.parentSpanId).toBe(callerSpan);
    expect(request!.service).toBe("shootq-app");
    expect(request!.span.name).toBe("GET /sign-in");
    expect(attr(request!.span.attributes, "http.status_code")).toBe(200);
    // The render happened inside the request: its spans are in the same trace, under it.
    const inside = inTrace().filter((e) => e.span.parentSpanId === request!.span.spanId);
    expect(inside.length).toBeGreaterThan(0);
  });

  it("names the host each query ran on: a studio the replica lacks is looked for again on the primary", async () => {
    // Until the node has seen the replica healthy, it sends every read to the primary.
    const readsOf = async (res: Promise<Response>) => (await res).headers.get("x-shootq-reads");
    await expect.poll(() => readsOf(fetch(`${app.url}/sign-in`)), { timeout: 20_000 }).toBe("replica-1");
    const traceId = randomBytes(16).toString("hex");
    const res = await fetch(`${app.url}/inquire/no-such-studio-${Date.now()}`, {
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` },
    });
    expect(res.status).toBe(404);
    const readHost = res.headers.get("x-shootq-reads");
    const inTrace = () => exported.filter((e) => e.span.traceId === traceId).map((e) => e.span);
    const host = (s: OtlpSpan) => attr(s.attributes, "shootq.db.host");
    await expect.poll(() => inTrace().some((s) => host(s) === "primary"), { timeout: 15_000 }).toBe(true);
    const choice = inTrace().find((s) => s.name === "choose read host");
    expect(choice && attr(choice.attributes, "shootq.read_host")).toBe(readHost);
    expect(choice && attr(choice.attributes, "shootq.read_reason")).toEqual(expect.any(String));
    // The lookup ran on the host the request was given; its miss was confirmed on the primary.
    const queries = inTrace().filter((s) => host(s) !== undefined);
    const onReplica = queries.filter((s) => host(s) === "replica-1").map((s) => s.name);
    const onPrimary = queries.filter((s) => host(s) === "primary").map((s) => s.name);
    if (readHost === "replica-1") {
      expect(onReplica.length).toBeGreaterThan(0);
      expect(onPrimary).toEqual(expect.arrayContaining([...new Set(onReplica)]));
    }
    expect(new Set(queries.map(host))).toEqual(new Set([readHost, "primary"]));
    expect(onPrimary.every((name) => /^find\w+ Studio$/.test(name))).toBe(true);
  });

  it("an email queued by a request carries the request's trace, for the worker's span to link to", async () => {
    const { studio } = await createStudio(primaryDb());
    const traceId = randomBytes(16).toString("hex");
    const res = await fetch(`${app.url}/api/inquiries/${studio.slug}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      },
      body: JSON.stringify({ name: "Traced Client", email: "traced@example.com", eventType: "wedding" }),
    });
    expect(res.status).toBe(201);
    // The owner's new-inquiry alert: its delivery job holds the traceparent of a span of the request.
    const [job] = await primaryDb().$queryRaw<{ traceparent: string | null }[]>`
      SELECT j.data->>'traceparent' AS traceparent FROM pgboss.job j
      JOIN "EmailMessage" m ON m.id::text = j.data->>'emailId'
      WHERE j.name = 'email' AND m."studioId" = ${studio.id}`;
    const [, jobTrace, jobSpan] = job?.traceparent?.split("-") ?? [];
    expect(jobTrace).toBe(traceId);
    await expect
      .poll(() => exported.some((e) => e.span.traceId === traceId && e.span.spanId === jobSpan), { timeout: 15_000 })
      .toBe(true);
  });

  it("times every request by route pattern, method and status, never by the URL it was given", async () => {
    const before = await scrape();
    const unknownId = `lead-${Date.now()}`;
    expect((await fetch(`${app.url}/sign-in`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/v1/leads`)).status).toBe(401);
    await fetch(`${app.url}/leads/${unknownId}`, { redirect: "manual" });
    const after = await scrape();
    const moved = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(moved('shootq_request_duration_seconds_count{route="/sign-in",method="GET",status="200"}')).toBe(1);
    expect(moved('shootq_request_duration_seconds_count{route="/api/v1/leads",method="GET",status="401"}')).toBe(1);
    const lead = [...after.keys()].filter((k) =>
      k.startsWith('shootq_request_duration_seconds_count{route="/leads/[id]"'),
    );
    expect(lead.reduce((n, k) => n + moved(k), 0)).toBe(1);
    // Each request counted once: the router's span around the render's is not counted again.
    const unmatched = [...after.keys()].filter((k) =>
      /^shootq_request_duration_seconds_count\{route="unmatched"/.test(k),
    );
    expect(unmatched.reduce((n, k) => n + moved(k), 0)).toBe(0);
    expect([...after.keys()].some((k) => k.includes(unknownId))).toBe(false);
  });
});
