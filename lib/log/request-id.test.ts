import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { linkToken } from "@/lib/tokens";
import { startTestApp, type TestApp } from "@/scripts/testing/app";

// One real node: the id a request came with (or the one the node made) is in the response and in
// the node's log line for that request, with the trace id of a valid traceparent.

const { primaryUrl, replicaUrls } = inject("database");

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ primaryUrl, replicaUrls, env: { SHOOTQ_NODE_NAME: "log-test-node" } });
});
afterAll(() => app?.stop());

type Line = Record<string, unknown>;

/** The node's JSON log lines about request `id` (the node may print other, non-JSON lines). */
async function linesOf(id: string): Promise<Line[]> {
  let found: Line[] = [];
  await expect
    .poll(() => {
      found = app
        .logs()
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Line)
        .filter((l) => l.requestId === id);
      return found.length;
    })
    .toBeGreaterThan(0);
  return found;
}

describe("request ids", () => {
  it("a request's id and trace id come back in the response and in the node's log line", async () => {
    const id = "nginx-0123456789abcdef0123456789abcdef";
    const trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await fetch(`${app.url}/sign-in`, {
      headers: { "x-request-id": id, traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(id);
    const [line] = await linesOf(id);
    expect(line).toMatchObject({
      msg: "request",
      level: "info",
      service: "app",
      node: "log-test-node",
      requestId: id,
      traceId: trace,
      method: "GET",
      path: "/sign-in",
    });
    expect(typeof line.time).toBe("string");
  });

  it("an id that is missing or malformed is replaced by one the node makes, and the line has the trace the node started", async () => {
    const traces = new Set<unknown>();
    for (const sent of [undefined, "bad id with spaces", "x".repeat(500)]) {
      const res = await fetch(`${app.url}/sign-in`, { headers: sent ? { "x-request-id": sent } : {} });
      await res.arrayBuffer();
      const id = res.headers.get("x-request-id")!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const [line] = await linesOf(id);
      // No traceparent came in: OpenTelemetry (lib/tracing) started a trace, one per request.
      expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
      traces.add(line.traceId);
    }
    expect(traces.size).toBe(3);
  });

  it("a client page's link token is masked in the request's log line", async () => {
    const token = linkToken("proposal", "00000000-0000-4000-8000-00000000abcd");
    const res = await fetch(`${app.url}/p/${token}`, { headers: { "x-request-id": "masked-token-request" } });
    await res.arrayBuffer();
    const lines = await linesOf("masked-token-request");
    expect(lines[0].path).toBe("/p/[redacted]");
    expect(app.logs().join("\n")).not.toContain(token);
  });
});
