import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
// Relative import: services run under tsx, outside Next.js.
import { Prisma } from "../../prisma/generated/prisma/client";

const tracer = trace.getTracer("shootq");

/**
 * One span per query a client runs, named by its operation and model ("findMany Lead",
 * "$queryRaw") and saying which database host ran it (`shootq.db.host`: "primary", "replica-1"…),
 * so a trace shows which reads went to the replica and which were sent on to the primary.
 * Without a tracer provider (the worker, the billing service) the spans cost nothing.
 */
export function querySpans(host: string) {
  return Prisma.defineExtension({
    name: "shootq-query-spans",
    query: {
      async $allOperations({ model, operation, args, query }) {
        const name = model ? `${operation} ${model}` : operation;
        const attributes = {
          "db.system.name": "postgresql",
          "db.operation.name": operation,
          ...(model ? { "db.collection.name": model } : {}),
          "shootq.db.host": host,
        };
        return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
          try {
            return await query(args);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
            throw error;
          } finally {
            span.end();
          }
        });
      },
    },
  });
}
