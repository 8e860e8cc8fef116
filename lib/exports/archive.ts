import { type Readable } from "node:stream";
import { ZipFile } from "yazl";
import { type ExportContext } from "@/lib/exports/csv";
import { EXPORT_LISTS } from "@/lib/exports/lists";
import { type Db } from "@/lib/db";

const lists = Object.values(EXPORT_LISTS);

/** README.txt of the ZIP: each file and its columns, from the same declarations that write them. */
export function describeExports(context: Pick<ExportContext, "timeZone" | "currency">): string {
  const lines = [
    "ShootQ export",
    "",
    "One CSV file per list, UTF-8 with a byte-order mark, comma-separated, first row the headers.",
    `Dates and times are ISO 8601 in the studio's time zone (${context.timeZone}), with the offset: 2027-03-03T16:30:00-05:00.`,
    "Calendar dates (an event's or a job's date) are YYYY-MM-DD.",
    `Amounts are plain decimals (1234.56) in the currency of the Currency column (the studio's is ${context.currency}).`,
    "A cell that would start with =, +, -, @, a tab or a carriage return starts with an apostrophe (') so that",
    "spreadsheets show it as text instead of running it as a formula.",
  ];
  for (const list of lists) {
    lines.push("", `${list.name}.csv: ${list.title}. ${list.about}`);
    for (const column of list.columns) lines.push(`  ${column.header}: ${column.about}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Every list's CSV and the README in one ZIP, written as it is read: yazl asks for each CSV
 * only when the previous one is done, so one batch of one list is in memory at a time.
 */
export function exportArchive(db: Db, context: ExportContext): Readable {
  const zip = new ZipFile();
  const mtime = context.now;
  zip.addBuffer(Buffer.from(describeExports(context)), "README.txt", { mtime });
  for (const list of lists) {
    zip.addReadStreamLazy(`${list.name}.csv`, { mtime }, (done) => done(null, list.csv(db, context)));
  }
  zip.end();
  return zip.outputStream as Readable;
}
