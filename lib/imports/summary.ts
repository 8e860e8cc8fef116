import { type ImportTally } from "@/lib/imports/mutations";
import { type ImportKind, type ImportStatus } from "@/prisma/generated/prisma/enums";
import { countOf } from "@/lib/words";

const SKIPS_IN_SENTENCE = 3;

/**
 * The outcome in one sentence: "2 created, 1 matched, 1 skipped: row 4 has no email". For leads,
 * every imported row is a new lead; "matched" ones went to a client the studio already had.
 */
export function summarizeImport(kind: ImportKind, { created, matched, skipped, skips }: ImportTally): string {
  const parts =
    kind === "CLIENTS"
      ? [`${created.toLocaleString("en-US")} created`, `${matched.toLocaleString("en-US")} matched`]
      : [
          `${countOf(created + matched, "lead", "leads")} created`,
          `${matched.toLocaleString("en-US")} matched to an existing client`,
        ];
  const sentence = `${parts.join(", ")}, ${skipped.toLocaleString("en-US")} skipped`;
  if (skipped === 0) return sentence;
  const listed = skips.slice(0, SKIPS_IN_SENTENCE).map((s) => s.reason);
  const more = skipped - listed.length;
  return `${sentence}: ${listed.join("; ")}${more > 0 ? ` and ${countOf(more, "more row", "more rows")}` : ""}`;
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  READY: "Waiting for you to check the columns",
  CHECKING: "Dry run in progress",
  QUEUED: "Waiting to start",
  RUNNING: "Importing",
  DONE: "Imported",
  FAILED: "Stopped",
  UNDONE: "Undone",
};
