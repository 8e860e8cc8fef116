import { createServer } from "node:http";
import { type AddressInfo } from "node:net";

// A stand-in OpenTelemetry collector on loopback: it takes OTLP/HTTP with JSON bodies, as
// @opentelemetry/exporter-trace-otlp-http sends them, and keeps every span it was sent.

export type KeyValue = { key: string; value: { stringValue?: string; intValue?: number | string } };
export type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: KeyValue[];
  status?: { code?: number };
  /** Spans this one links to (a queue job's span: the span that queued it). */
  links?: { traceId: string; spanId: string }[];
};
export type ExportedSpan = { service: string | undefined; span: OtlpSpan };
export type OtlpCollector = { url: string; spans: ExportedSpan[]; close(): Promise<void> };

/** The value of a span's or a resource's attribute, as a string or a number. */
export function attr(kvs: KeyValue[], key: string): string | number | undefined {
  const v = kvs.find((kv) => kv.key === key)?.value;
  return v?.stringValue ?? (v?.intValue === undefined ? undefined : Number(v.intValue));
}

export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: ExportedSpan[] = [];
  const server = createServer((req, res) => {
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
              spans.push({ service: attr(rs.resource.attributes, "service.name") as string, span });
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
