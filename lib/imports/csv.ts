import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";

// Reading an uploaded CSV: UTF-8 checked first, then parsed as a stream with csv-parse. Rows are
// numbered as a spreadsheet shows them (the header is row 1), so "row 4" is the row the person sees.

/** Larger uploads are refused: 10 MB holds well over 50,000 clients. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "10 MB";
export const PREVIEW_ROWS = 5;

/** A file that cannot be read as CSV: the message names the row. */
export class CsvFileError extends Error {}

export type CsvRow = { row: number; values: string[] };

/** The line (1-based) of the first byte sequence that is not UTF-8, or null when all of it is. */
function firstNonUtf8Line(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return null;
}

function describeCsvError(error: CsvError): string {
  const row = ((error as unknown as { records?: number }).records ?? 0) + 1;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `Row ${row} opens a quoted value (") that is never closed.`;
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
      return `Row ${row} has a different number of columns than the header row.`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return `Row ${row} has a quote (") in the middle of a value; quote the whole value and double the quotes inside it.`;
    default:
      return `Row ${row} could not be read as CSV (${error.code}).`;
  }
}

/**
 * Every record of the file with its row number, the header (row 1) included, streamed. Throws
 * CsvFileError naming the row for a file that is not well-formed CSV.
 */
async function* readCsvRecords(bytes: Uint8Array): AsyncGenerator<CsvRow> {
  const parser = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(
    parse({ bom: true, skip_empty_lines: true, trim: true }),
  );
  let row = 0;
  try {
    for await (const values of parser as AsyncIterable<string[]>) yield { row: ++row, values };
  } catch (error) {
    if (error instanceof CsvError) throw new CsvFileError(describeCsvError(error));
    throw error;
  } finally {
    parser.destroy();
  }
}

/** The rows under the header from `fromRow` on (a resumed import skips the rows it has done). */
export async function* readCsvRows(bytes: Uint8Array, { fromRow = 2 } = {}): AsyncGenerator<CsvRow> {
  for await (const record of readCsvRecords(bytes)) if (record.row >= Math.max(fromRow, 2)) yield record;
}

export type CsvSummary = { header: string[]; preview: string[][]; rowCount: number };

/**
 * Reads the whole file once: its header, the first rows for the preview and how many rows it
 * has. An empty file, one that is not UTF-8 and a malformed one are refused with the row named.
 */
export async function inspectCsv(bytes: Uint8Array): Promise<CsvSummary> {
  if (bytes.length === 0) throw new CsvFileError("The file is empty.");
  const badLine = firstNonUtf8Line(bytes);
  if (badLine !== null)
    throw new CsvFileError(
      `Line ${badLine} is not UTF-8 text. Save the file as "CSV UTF-8" in your spreadsheet and upload it again.`,
    );
  let header: string[] | null = null;
  const preview: string[][] = [];
  let rowCount = 0;
  for await (const { row, values } of readCsvRecords(bytes)) {
    if (row === 1) header = values;
    else {
      if (preview.length < PREVIEW_ROWS) preview.push(values);
      rowCount++;
    }
  }
  if (!header || header.every((h) => !h)) throw new CsvFileError("The file is empty: it has no header row.");
  if (rowCount === 0) throw new CsvFileError("The file has a header row but no rows under it.");
  return { header, preview, rowCount };
}
