import { ROOT_CONTEXT, SpanKind, context, propagation, trace, type Link } from "@opentelemetry/api";
import { tracesExportTo } from "./exports-to";
import { inSpan } from "./span";

/**
 * A queue job's data with the `traceparent` of the request (or job) queuing it, when spans are
 * exported: the job's span then links to the span that queued it, though it runs later elsewhere.
 */
export function withQueuingTrace<T extends object>(data: T): T {
  if (!tracesExportTo()) return data;
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { ...data, traceparent: carrier.traceparent } : data;
}

/** A link to the span that queued a job, from the `traceparent` in its data (none if absent or invalid). */
function queuedBy(data: unknown): Link[] {
  const traceparent = (data as { traceparent?: unknown } | null)?.traceparent;
  if (typeof traceparent !== "string") return [];
  const queuing = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
  return queuing && trace.isSpanContextValid(queuing) ? [{ context: queuing }] : [];
}

/**
 * Runs one queue job in a span of its own ("process email", with the job's id and attempt), so a
 * worker's or the billing service's trace shows each job with the queries it ran, linked to the
 * span that queued it ({@link withQueuingTrace}). A job that throws marks its span failed and
 * throws on. Without a collector nothing is recorded.
 */
export function inJobSpan<T>(
  queue: string,
  job: { id: string; retryCount?: number; data?: unknown },
  run: () => Promise<T>,
): Promise<T> {
  const attributes = {
    "messaging.system": "pg-boss",
    "messaging.operation.type": "process",
    "messaging.destination.name": queue,
    "messaging.message.id": job.id,
    ...(job.retryCount === undefined ? {} : { "shootq.job.attempt": job.retryCount + 1 }),
  };
  return inSpan(`process ${queue}`, { kind: SpanKind.CONSUMER, attributes, links: queuedBy(job.data) }, run);
}
