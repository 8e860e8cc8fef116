import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { linkToken } from "@/lib/tokens";
import { createStudio, randomSuffix } from "@/prisma/factories";
import { startTestApp, type TestApp } from "@/scripts/testing/app";

// One real node: the id a request came with (or the one the node made) is in the response and in
// the node's log line for that request, with the trace id of a valid traceparent.

const { primaryUrl, replicaUrls } = inject("database");

let app: TestApp;
beforeAll(async () => {
  // Inquiries are limited per address in the shared database: this node's own stay far below it.
  app = await startTestApp({
    primaryUrl,
    replicaUrls,
    env: { SHOOTQ_NODE_NAME: "log-test-node", INQUIRY_LIMIT_PER_HOUR: "100000" },
  });
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

  it("an unexpected failure is answered with the request's id as a reference, which finds its log line", async () => {
    const { studio } = await createStudio(primaryDb());
    const name = `Boom ${randomSuffix()}`;
    const trigger = `boom_${randomSuffix().replace(/\W/g, "")}`;
    const db = new pg.Client({ connectionString: primaryUrl });
    await db.connect();
    // A failure no code path expects, for this one lead only: the database refuses its insert.
    await db.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'unexpected failure for the request-id test'; END $$`);
    await db.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON "Lead" FOR EACH ROW WHEN (NEW.name = '${name}') EXECUTE FUNCTION ${trigger}()`,
    );
    try {
      const id = `support-reference-${randomSuffix()}`;
      const res = await fetch(`${app.url}/api/inquiries/${studio.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": id },
        body: JSON.stringify({ name, email: "boom@example.com", eventType: "wedding" }),
      });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string };
      expect(body.error).toBe(
        `Something went wrong and nothing was saved. If it happens again, give support this reference: ${id}.`,
      );
      expect(JSON.stringify(body)).not.toContain("request-id test");
      // The operator searches the logs for the reference and finds the failure with its cause.
      const failure = (await linesOf(id)).find((l) => l.msg === "route failed");
      expect(failure).toMatchObject({ level: "error", requestId: id, node: "log-test-node" });
      expect(JSON.stringify(failure?.err)).toContain("unexpected failure for the request-id test");
      expect(await primaryDb().lead.count({ where: { studioId: studio.id } })).toBe(0);
    } finally {
      await db.query(`DROP TRIGGER ${trigger} ON "Lead"; DROP FUNCTION ${trigger}()`);
      await db.end();
    }
  });
});
