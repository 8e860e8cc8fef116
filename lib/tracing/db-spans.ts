import { SpanKind } from "@opentelemetry/api";
// Relative imports: services run under tsx, outside Next.js.
import { Prisma } from "../../prisma/generated/prisma/client";
import { tracesExportTo } from "./exports-to";
import { inSpan } from "./span";

/**
 * One span per query a client runs, named by its operation and model ("findMany Lead",
 * "$queryRaw") and saying which database host ran it (`shootq.db.host`: "primary", "replica-1"…),
 * so a trace shows which reads went to the replica and which were sent on to the primary.
 * Clients take it through {@link withQuerySpans}.
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

/**
 * The client with a span per query when a collector takes spans; without one, the client itself,
 * so no query pays for an extension whose spans would be dropped unmade.
 */
export function withQuerySpans<Client>(client: Client, host: string): Client {
  if (!tracesExportTo()) return client;
  return (client as unknown as { $extends(extension: unknown): unknown }).$extends(querySpans(host)) as Client;
}
