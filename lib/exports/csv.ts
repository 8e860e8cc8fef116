import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { type z } from "zod";
import { dayKeyOf, dayKeyOfDateColumn, isoInZone } from "@/lib/calendar/zoned";
import { type Db } from "@/lib/db";
import { currentRequestLogger } from "@/lib/log/request";
import { formatDecimal } from "@/lib/money";
import { type SearchParams } from "@/lib/search-params";

/** Who and where an export runs for: the tenant from the session, and the studio's zone and currency. */
export type ExportContext = {
  studioId: string;
  brandId?: string;
  studioSlug: string;
  timeZone: string;
  currency: string;
  now: Date;
};

type Cell = string | number | boolean | null | undefined;

/** A column of a list's CSV: its header, what the README says of it, and its value for a row. */
export type Column<Row> = { header: string; about: string; value: (row: Row, context: ExportContext) => Cell };

type Page<Row> = { rows: Row[]; next?: string };

/** Rows read per query: small enough to keep memory flat, large enough that a 20,000-row list is 40 reads. */
export const EXPORT_BATCH = 500;

/** One list's export, declared once: the route, the ZIP and its README all read it. */
export type ExportSpec<Params, Row> = {
  name: string;
  title: string;
  /** One line for the README: which rows the file holds. */
  about: string;
  /** The list page's own URL schema, so a CSV applies exactly the page's filters. */
  params: z.ZodType<Params>;
  /** The filters whose rows, one after the other, make the whole list in "Export everything". */
  everything: NoInfer<Params>[];
  columns: Column<NoInfer<Row>>[];
  /** One batch in the list page's order, after a keyset cursor, through the list page's own query. */
  readPage: (
    db: Db,
    context: ExportContext,
    params: NoInfer<Params>,
    request: { after?: string; size: number },
  ) => Promise<Page<Row>>;
};

/** A list's export with its types sealed in: what routes and the ZIP hand around. */
export type ExportList = {
  name: string;
  title: string;
  about: string;
  columns: { header: string; about: string }[];
  /** The CSV of the rows the list page shows for `search` (every page of it), or of `everything` when absent. */
  csv: (db: Db, context: ExportContext, search?: SearchParams) => Readable;
};

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) in a
// lead's name from the public inquiry form); a leading apostrophe makes it text. Plain numbers
// (a refund's "-25.00") are not formulas and stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return neutralizeCell(String(value));
}

/** An instant as ISO 8601 in the studio's zone, with its offset. */
export const instantCell = (value: Date | null, { timeZone }: ExportContext) =>
  value ? isoInZone(value, timeZone) : null;

/** A calendar date column (`@db.Date`) as ISO 8601 "YYYY-MM-DD": a date has no zone. */
export const dateCell = (value: Date | null) => (value ? dayKeyOfDateColumn(value) : null);

/** Integer minor units as a plain decimal of `currency` (the currency goes in its own column). */
export const moneyCell = (minor: number | null, currency: string) =>
  minor === null ? null : formatDecimal(minor, currency);

export function defineExport<Params, Row>(spec: ExportSpec<Params, Row>): ExportList {
  async function* records(db: Db, context: ExportContext, filters: Params[]): AsyncGenerator<string[]> {
    for (const params of filters) {
      let after: string | undefined;
      do {
        const page = await spec.readPage(db, context, params, { after, size: EXPORT_BATCH });
        for (const row of page.rows) yield spec.columns.map((c) => cellText(c.value(row, context)));
        after = page.next;
      } while (after);
    }
  }
  return {
    name: spec.name,
    title: spec.title,
    about: spec.about,
    columns: spec.columns.map(({ header, about }) => ({ header, about })),
    csv(db, context, search) {
      // The page's own cursor is dropped: the file holds every page of the list, from the first.
      const filters = search
        ? [spec.params.parse({ ...search, after: undefined, before: undefined })]
        : spec.everything;
      // Readable.from pulls the next batch only when csv-stringify has room: one batch in memory at a
      // time. A failed read destroys the output, so the download breaks off instead of looking complete.
      return pipeline(
        Readable.from(records(db, context, filters)),
        stringify({ header: true, columns: spec.columns.map((c) => c.header), bom: true, record_delimiter: "windows" }),
        (error) => {
          if (error) void currentRequestLogger().then((log) => log.error({ err: error }, `${spec.name} export failed`));
        },
      );
    },
  };
}

/** "demo-studio-leads-2026-11-30.csv": the studio, the list and today in the studio's zone. */
export function exportFileName(context: ExportContext, what: string, extension: "csv" | "zip"): string {
  return `${context.studioSlug}-${what}-${dayKeyOf(context.now, context.timeZone)}.${extension}`;
}
