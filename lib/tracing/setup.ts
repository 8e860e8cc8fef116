import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  SamplingDecision,
  TracerProvider,
  type Sampler,
  type SamplingResult,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { nodeName } from "@/lib/log/node-name";
import { tracesExportTo } from "@/lib/tracing/exports-to";
import { REQUEST_SPAN, RequestMetricsProcessor, SPAN_TYPE } from "@/lib/tracing/request-metrics";

/**
 * With no collector to send spans to, only Next.js's request spans are recorded (they time the
 * requests for the metrics): the render's, the queries' and the rest would be made only to be
 * dropped. Their trace ids still reach the logs.
 */
const requestSpansOnly: Sampler = {
  shouldSample: (_context, _traceId, _name, _kind, attributes): SamplingResult => ({
    decision:
      attributes[SPAN_TYPE] === REQUEST_SPAN ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
  }),
  toString: () => "RequestSpansOnly",
};

/**
 * Turns on OpenTelemetry in an app node or a background service. The caller shuts the provider
 * down when it stops, so spans still waiting for their batch leave before the process does.
 *
 * In an app node: Next.js then opens a span for every request (with its
 * route and status) and the render and route-handler spans under it, continuing a trace whose
 * `traceparent` came in (nginx passes the client's on); ShootQ adds the read-host choice and one
 * span per query. Every request is timed into the node's metrics; spans are exported over
 * OTLP/HTTP only when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`)
 * names a collector, which the exporter reads itself; without one only request spans are made.
 * In a service, each queue job is a span (lib/tracing/job-spans.ts) with its queries under it.
 */
export function startTracing(service: string): TracerProvider {
  const exportsTo = tracesExportTo();
  const spanProcessors: SpanProcessor[] = [new RequestMetricsProcessor()];
  if (exportsTo)
    spanProcessors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter(), scheduledDelayMillis: 1000 }));
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": service, "service.instance.id": nodeName() }),
    sampler: exportsTo ? new AlwaysOnSampler() : requestSpansOnly,
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return provider;
}
