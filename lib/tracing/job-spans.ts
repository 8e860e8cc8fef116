import { SpanKind } from "@opentelemetry/api";
import { inSpan } from "./span";

/**
 * Runs one queue job in a span of its own ("process email", with the job's id and attempt), so a
 * worker's or the billing service's trace shows each job with the queries it ran. A job that
 * throws marks its span failed and throws on. Without a collector nothing is recorded.
 */
export function inJobSpan<T>(
  queue: string,
  job: { id: string; retryCount?: number },
  run: () => Promise<T>,
): Promise<T> {
  const attributes = {
    "messaging.system": "pg-boss",
    "messaging.operation.type": "process",
    "messaging.destination.name": queue,
    "messaging.message.id": job.id,
    ...(job.retryCount === undefined ? {} : { "shootq.job.attempt": job.retryCount + 1 }),
  };
  return inSpan(`process ${queue}`, { kind: SpanKind.CONSUMER, attributes }, run);
}
