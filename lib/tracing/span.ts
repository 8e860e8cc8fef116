import { SpanStatusCode, trace, type Span, type SpanOptions } from "@opentelemetry/api";

const tracer = trace.getTracer("shootq");

/**
 * Runs `run` in a new span, active for everything it calls and ended when it settles. A throw
 * marks the span failed (by the error's name only: messages can carry a query's values) and goes
 * on. Without a tracer provider, or when the sampler drops the span, this costs next to nothing.
 */
export function inSpan<T>(name: string, options: SpanOptions, run: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await run(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      throw error;
    } finally {
      span.end();
    }
  });
}
