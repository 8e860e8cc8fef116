import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { scrapeNode } from "@/scripts/testing/metrics-scrape";

// One real node with OpenTelemetry exporting to a stand-in OTLP/HTTP collector on loopback: what
// an operator's collector would receive, and the request timings in the node's own metrics.

const { primaryUrl, replicaUrls } = inject("database");

type KeyValue = { key: string; value: { stringValue?: string; intValue?: number | string } };
type OtlpSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes: KeyValue[] };
type Exported = { service: string | undefined; span: OtlpSpan };

const exported: Exported[] = [];
let collector: Server;
let app: TestApp;

const attr = (kvs: KeyValue[], key: string) => {
  const v = kvs.find((kv) => kv.key === key)?.value;
  return v?.stringValue ?? (v?.intValue === undefined ? undefined : Number(v.intValue));
};

beforeAll(async () => {
  // OTLP/HTTP with JSON bodies, as @opentelemetry/exporter-trace-otlp-http sends them.
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: { resource: { attributes: KeyValue[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const rs of body.resourceSpans)
          for (const ss of rs.scopeSpans)
            for (const span of ss.spans)
              exported.push({ service: attr(rs.resource.attributes, "service.name") as string, span });
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  app = await startTestApp({
    primaryUrl,
    replicaUrls,
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, SHOOTQ_NODE_NAME: "trace-test-node" },
  });
});
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => collector?.close(resolve));
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
