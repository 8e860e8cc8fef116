import { z } from "zod";
import { Prisma } from "@/prisma/generated/prisma/client";

// Keyset pagination for every list. A list is one or more sections read in order
// (e.g. leads with an event date by date, then leads without one by id); each section orders by
// (key, id), which an index on (studioId, ..., key) serves with a range scan, however deep the
// page. OFFSET would read and discard every earlier row on every page.

export const PAGE_SIZE = 25;

type Direction = "asc" | "desc";
type Where = Record<string, unknown>;

export type Section = {
  where: Where;
  /** The column ordered by before `id`; null orders by id alone (uuid v7 ids follow creation time). */
  key: string | null;
  dir: Direction;
};

export type Cursor = { s: number; k: string | null; id: string };

export type PageRequest = { after?: string; before?: string };

export type KeysetPage<Row> = { rows: Row[]; next?: string; prev?: string };

const cursorSchema = z.object({
  s: z.number().int().min(0).max(10),
  k: z.string().max(40).nullable(),
  id: z.string().min(1).max(64),
});

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** A cursor from the URL; anything malformed reads as "first page". */
export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value || value.length > 300) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success) return undefined;
    if (parsed.data.k !== null && Number.isNaN(Date.parse(parsed.data.k))) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

const flip = (dir: Direction): Direction => (dir === "asc" ? "desc" : "asc");

/** Rows strictly after (dir "asc": greater than) the cursor, in `dir` order. */
function seek(key: string | null, dir: Direction, cursor: Cursor): Where {
  const [strict, loose] = dir === "asc" ? ["gt", "gte"] : ["lt", "lte"];
  if (key === null || cursor.k === null) return { id: { [strict]: cursor.id } };
  const value = new Date(cursor.k);
  // The redundant `loose` bound is what lets the index range-scan from the cursor.
  return {
    AND: [
      { [key]: { [loose]: value } },
      { OR: [{ [key]: { [strict]: value } }, { [key]: value, id: { [strict]: cursor.id } }] },
    ],
  };
}

function orderBy(key: string | null, dir: Direction): Record<string, Direction>[] {
  return key === null ? [{ id: dir }] : [{ [key]: dir }, { id: dir }];
}

export type Fetch<Row> = (query: {
  where: Where;
  orderBy: Record<string, Direction>[];
  take: number;
}) => Promise<Row[]>;

/**
 * One page of `sections`, after or before a cursor from the URL. `keyOf` reads a row's value of
 * the section's key (Dates, or null for id-only sections).
 */
export async function findKeysetPage<Row extends { id: string }>(options: {
  sections: Section[];
  request: PageRequest;
  fetch: Fetch<Row>;
  keyOf: (row: Row, section: Section) => Date | null;
  size?: number;
}): Promise<KeysetPage<Row>> {
  const { sections, fetch, keyOf } = options;
  const size = options.size ?? PAGE_SIZE;
  const before = decodeCursor(options.request.before);
  const after = before ? undefined : decodeCursor(options.request.after);
  const cursor = before ?? after;
  const backward = Boolean(before);
  const found: { row: Row; s: number }[] = [];

  const order = sections.map((_, i) => i);
  const start = cursor ? Math.min(cursor.s, sections.length - 1) : backward ? sections.length - 1 : 0;
  const visit = backward ? order.slice(0, start + 1).reverse() : order.slice(start);
  for (const s of visit) {
    const section = sections[s];
    const dir = backward ? flip(section.dir) : section.dir;
    const where = cursor && s === cursor.s ? { AND: [section.where, seek(section.key, dir, cursor)] } : section.where;
    const rows = await fetch({ where, orderBy: orderBy(section.key, dir), take: size + 1 - found.length });
    found.push(...rows.map((row) => ({ row, s })));
    if (found.length > size) break;
  }

  const hasMore = found.length > size;
  const page = found.slice(0, size);
  if (backward) page.reverse();
  const cursorOf = ({ row, s }: { row: Row; s: number }) => {
    const key = keyOf(row, sections[s]);
    return encodeCursor({ s, k: sections[s].key === null || key === null ? null : key.toISOString(), id: row.id });
  };
  const hasNext = backward ? true : hasMore;
  const hasPrev = backward ? hasMore : Boolean(after);
  return {
    rows: page.map((f) => f.row),
    next: hasNext && page.length ? cursorOf(page[page.length - 1]) : undefined,
    prev: hasPrev && page.length ? cursorOf(page[0]) : undefined,
  };
}

/**
 * For lists read with raw SQL (ordered by one timestamp column, then id, in `dir` order): the
 * seek clause after or before the URL's cursor, the ORDER BY, and the page from the `size + 1`
 * rows read. Row comparison `(key, id) > (…)` plus the redundant bound keeps it an index range.
 */
export function rawKeyset(
  request: PageRequest,
  {
    key,
    id = Prisma.sql`id`,
    dir,
    size,
    orderPrefix,
  }: { key: Prisma.Sql; id?: Prisma.Sql; dir: Direction; size: number; orderPrefix?: (dir: Direction) => Prisma.Sql },
) {
  const before = decodeCursor(request.before);
  const after = before ? undefined : decodeCursor(request.after);
  const cursor = before ?? after;
  const backward = Boolean(before);
  const readDir = backward ? flip(dir) : dir;
  const at = cursor?.k ? new Date(cursor.k) : null;
  const seek =
    cursor && at
      ? readDir === "asc"
        ? Prisma.sql`AND ${key} >= ${at} AND (${key}, ${id}) > (${at}, ${cursor.id})`
        : Prisma.sql`AND ${key} <= ${at} AND (${key}, ${id}) < (${at}, ${cursor.id})`
      : Prisma.empty;
  const direction = readDir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const orderBy = Prisma.sql`${orderPrefix ? Prisma.sql`${orderPrefix(readDir)}, ` : Prisma.empty}${key} ${direction}, ${id} ${direction}`;
  const pageOf = <Row extends { id: string }>(rows: Row[], keyOf: (row: Row) => Date): KeysetPage<Row> => {
    const hasMore = rows.length > size;
    const page = rows.slice(0, size);
    if (backward) page.reverse();
    const cursorOf = (row: Row) => encodeCursor({ s: 0, k: keyOf(row).toISOString(), id: row.id });
    const hasNext = backward ? true : hasMore;
    const hasPrev = backward ? hasMore : Boolean(after);
    return {
      rows: page,
      next: hasNext && page.length ? cursorOf(page[page.length - 1]) : undefined,
      prev: hasPrev && page.length ? cursorOf(page[0]) : undefined,
    };
  };
  return { seek, orderBy, limit: size + 1, pageOf };
}

/** `text` as a LIKE pattern matching it anywhere, with LIKE's own characters taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
