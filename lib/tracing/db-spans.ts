import { SpanKind } from "@opentelemetry/api";
// Relative imports: services run under tsx, outside Next.js.
import { Prisma } from "../../prisma/generated/prisma/client";
import { inSpan } from "./span";

/**
 * One span per query a client runs, named by its operation and model ("findMany Lead",
 * "$queryRaw") and saying which database host ran it (`shootq.db.host`: "primary", "replica-1"…),
 * so a trace shows which reads went to the replica and which were sent on to the primary.
 * Without a collector the sampler (lib/tracing/setup.ts) drops them unmade.
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
        return inSpan(name, { kind: SpanKind.CLIENT, attributes }, () => query(args));
      },
    },
  });
}
