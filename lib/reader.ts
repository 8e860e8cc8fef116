import { type Db, type Tx } from "@/lib/db";

// Types only from lib/db (server-only at run time), so the seed and the services can use this too.

/** Either client: for a query a page reads and a write re-reads in its transaction. */
export type Reader = Db | Tx;

/**
 * A reader's model queries, typed as a transaction's. Both clients answer them alike at run time,
 * but TypeScript gives up calling a method on the union of the two ("excessive stack depth").
 */
export const modelsOf = (db: Reader) => db as unknown as Tx;
