import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { isUnavailableError } from "@/lib/errors";
import { READ_HOST_HEADER, parseReadHost } from "@/lib/replication/read-host";
import { isReplicaFailure, readWithFallback } from "@/lib/replication/read-fallback";
import { createPrismaClient } from "@/lib/service-db";
import { withQuerySpans } from "@/lib/tracing/db-spans";

/**
 * How long a query may wait for one of this node's pooled connections (or for a new one to open)
 * before it fails as "unavailable" (lib/errors.ts). Under load a render's queries queue behind
 * other requests' for seconds: that is backpressure, and the page is late, not broken. At 2 s the
 * bench's big-studio dashboard at 64 connections on one node, beside a CI run, answered 8 of 62
 * with a 500 ("timeout exceeded when trying to connect"). A dead host is noticed sooner than
 * this: its connections are refused at once, and the replica monitor probes on a timer of its own.
 */
const POOL_WAIT_MS = 10_000;

function createClient(connectionString: string, applicationName: string) {
  return createPrismaClient({
    connectionString,
    applicationName,
    max: env().DB_POOL_SIZE,
    connectionTimeoutMillis: POOL_WAIT_MS,
  });
}

type BaseClient = ReturnType<typeof createClient>;

function withFailover(replica: BaseClient, primary: BaseClient) {
  // A read never fails because a replica died between the health probe and the query.
  return replica.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (!model) return query(args);
        const delegate = (primary as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[
          model.charAt(0).toLowerCase() + model.slice(1)
        ];
        return readWithFallback(
          () => query(args),
          () => delegate[operation](args),
          isReplicaFailure,
          `${model}.${operation}`,
        );
      },
    },
  }) as unknown as BaseClient;
}

function createClients() {
  const { DATABASE_URL, DATABASE_REPLICA_URLS } = env();
  const untracedPrimary = createClient(DATABASE_URL, "shootq-primary");
  const primary = withQuerySpans(untracedPrimary, "primary");
  // With a collector (lib/tracing/db-spans.ts), a replica's query runs in a span of its own and,
  // if the replica fails it, again on the primary in a primary span beside it.
  const replicas = DATABASE_REPLICA_URLS.map((url, i) =>
    withQuerySpans(withFailover(createClient(url, `shootq-replica-${i + 1}`), primary), `replica-${i + 1}`),
  );
  // One routed client per possible read host: the extension sends reads to that host and
  // writes, $transaction and raw SQL to the primary. "primary" routes reads to the primary itself.
  // Extensions run in the order they were added, so the routing comes before the primary's spans:
  // a read sent to a replica is in that replica's span alone.
  const route = (readHost: BaseClient) =>
    withQuerySpans(untracedPrimary.$extends(readReplicas({ replicas: [readHost] })), "primary");
  const routed = { primary: route(primary), replicas: replicas.map(route) };
  return { primary, routed };
}

type Clients = ReturnType<typeof createClients>;
export type Db = Clients["routed"]["primary"];
/** A client inside a write transaction. */
export type Tx = Parameters<Parameters<BaseClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { shootqDb?: Clients };

function clients(): Clients {
  globalForDb.shootqDb ??= createClients();
  return globalForDb.shootqDb;
}

/** The primary, for the write wrapper and for probes that must see the latest commit. */
export function primaryDb(): BaseClient {
  return clients().primary;
}

/** The client for a given read host; unknown or out-of-range hosts read from the primary. */
export function dbForHost(host: string | null | undefined): Db {
  const { routed } = clients();
  const parsed = parseReadHost(host);
  if (parsed.kind === "replica") return routed.replicas[parsed.index] ?? routed.primary;
  return routed.primary;
}

/**
 * The database for this request's reads. proxy.ts picks one host per request (a replica that
 * has replayed this user's last write, or the primary) so a page never mixes hosts.
 */
export const readDb = cache(async (): Promise<Db> => {
  const h = await headers();
  return dbForHost(h.get(READ_HOST_HEADER));
});

/**
 * Reads through this request's host; a miss is confirmed on the primary. For what may be newer
 * than this request's replica without a pin of this browser's to say so: a link opened moments
 * after its email was sent, a user or studio made just before signing in. While the primary is
 * down, a miss stays a miss.
 */
export async function readConfirmingMiss<T>(read: (db: Db) => Promise<T | null>): Promise<T | null> {
  const db = await readDb();
  const primary = dbForHost("primary");
  const found = await read(db);
  if (found !== null || db === primary) return found;
  return read(primary).catch((error) => (isUnavailableError(error) ? null : Promise.reject(error)));
}

/** The primary's current WAL position: every commit so far, this request's included, is at or before it. */
export async function readPrimaryLsn(): Promise<string> {
  const rows = await primaryDb().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  return rows[0].lsn;
}
