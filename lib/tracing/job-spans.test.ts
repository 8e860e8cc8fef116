import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TracerProvider } from "@opentelemetry/sdk-trace";
import { EMAIL_QUEUE } from "@/lib/email/queue";
import { queueEmail } from "@/lib/email/outbox";
import { startEmailWorker } from "@/lib/email/worker";
import { createServiceDb } from "@/lib/service-db";
import { startTracing } from "@/lib/tracing/setup";
import { inSpan } from "@/lib/tracing/span";
import { createStudio } from "@/prisma/factories";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { attr, startOtlpCollector, type OtlpCollector } from "@/scripts/testing/otlp-collector";
import { startSmtpSink } from "@/scripts/testing/smtp-sink";
import { until } from "@/scripts/testing/until";

// The email worker as scripts/worker.ts runs it, tracing to a stand-in collector: what an
// operator sees of a background job.

let collector: OtlpCollector;
let tracing: TracerProvider;
let scratch: ScratchDatabase;

beforeAll(async () => {
  collector = await startOtlpCollector();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.url;
  tracing = startTracing("shootq-worker");
  // The worker takes every job of its database's queue: this file has a database of its own.
  scratch = await createScratchDatabase(inject("database"), { prefix: "jobspans", queue: true });
});
afterAll(async () => {
  await tracing?.shutdown();
  await collector?.close();
  await scratch?.drop();
});

describe("a worker's traces", () => {
  it("show each job it processed as a span, linked to the request that queued it, with the job's queries on the primary under it", async () => {
    const db = createServiceDb(scratch.url, "jobspans-test", 2);
    const smtp = await startSmtpSink();
    const { studio } = await createStudio(db);
    // Queued inside a span, as a request does: the job's span links back to it.
    const { id, queuedIn } = await inSpan("POST /jobs/[id]", {}, async (span) => {
      const queued = await db.$transaction((tx) =>
        queueEmail(tx, {
          studioId: studio.id,
          kind: "system.notice",
          to: "client@example.com",
          params: { subject: "Your gallery", text: "It is ready." },
        }),
      );
      return { ...queued, queuedIn: span.spanContext() };
    });
    const worker = await startEmailWorker({
      databaseUrl: scratch.url,
      smtpUrl: smtp.url,
      from: "ShootQ <no-reply@shootq.test>",
      origin: "https://app.shootq.test",
      pollingIntervalSeconds: 0.5,
      log: () => {},
    });
    try {
      await until("the email to be sent", async () => {
        const row = await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { status: true } });
        return row.status === "SENT";
      });
    } finally {
      await worker.stop();
      await smtp.close();
      await db.$disconnect();
    }
    // forceFlush sends what is still buffered but does not wait for a batch the exporter's timer
    // was already sending: wait for the job's span and the three queries under it to arrive.
    await tracing.forceFlush();
    const jobSpans = () => collector.spans.filter((e) => e.span.name === `process ${EMAIL_QUEUE}`);
    await until("the job's span and its queries at the collector", async () => {
      const [first] = jobSpans();
      return first && collector.spans.filter((e) => e.span.parentSpanId === first.span.spanId).length >= 3;
    });

    const jobs = jobSpans();
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job.service).toBe("shootq-worker");
    expect(attr(job.span.attributes, "messaging.system")).toBe("pg-boss");
    expect(attr(job.span.attributes, "shootq.job.attempt")).toBe(1);
    // Its own trace, linked to the span that queued it.
    expect(job.span.links).toEqual([expect.objectContaining({ traceId: queuedIn.traceId, spanId: queuedIn.spanId })]);
    expect(job.span.traceId).not.toBe(queuedIn.traceId);
    const queries = collector.spans.filter((e) => e.span.parentSpanId === job.span.spanId).map((e) => e.span);
    // The row lock, the email read, and the update that marks it sent, each on the primary.
    expect(queries.map((s) => s.name)).toEqual(
      expect.arrayContaining(["$queryRaw", "findUniqueOrThrow EmailMessage", "update EmailMessage"]),
    );
    expect(queries.every((s) => attr(s.attributes, "shootq.db.host") === "primary")).toBe(true);
    expect(queries.every((s) => s.traceId === job.span.traceId)).toBe(true);
  });
});
