/**
 * The collector spans are sent to, if one is configured: the variables the OTLP exporter reads
 * itself. Without one, only what the node's metrics need is traced (lib/tracing/setup.ts).
 */
export function tracesExportTo(): string | undefined {
  return process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
}
