import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace";
import { RequestMetricsProcessor } from "@/lib/tracing/request-metrics";

/**
 * Turns on OpenTelemetry in an app node: Next.js then opens a span for every request (with its
 * route and status) and the render and route-handler spans under it, continuing a trace whose
 * `traceparent` came in (nginx passes the client's on). Every request is timed into the node's
 * metrics; spans are exported over OTLP/HTTP only when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) names a collector, which the exporter reads itself.
 */
export function startTracing({ service, node }: { service: string; node: string }): TracerProvider {
  const exportsTo = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const spanProcessors: SpanProcessor[] = [new RequestMetricsProcessor()];
  if (exportsTo)
    spanProcessors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter(), scheduledDelayMillis: 1000 }));
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": service, "service.instance.id": node }),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  // Spans still waiting for their batch leave before the node does (a graceful stop sends SIGTERM).
  process.once("SIGTERM", () => void provider.shutdown().catch(() => undefined));
  return provider;
}
