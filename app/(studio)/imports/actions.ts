"use server";

import { defineAction } from "@/lib/actions";
import { createImport, dryRunImport, PAGES_AN_IMPORT_CHANGES, startImport, undoImport } from "@/lib/imports/mutations";
import { importIdSchema, importMappingSchema, uploadImportSchema } from "@/lib/imports/schemas";
import { summarizeImport } from "@/lib/imports/summary";
import { countOf } from "@/lib/words";

// An upload and a dry run change only the import's own page; an import and its undo change
// everything a new client or lead shows on.

export const uploadImportAction = defineAction({
  access: "studio",
  schema: uploadImportSchema,
  async run({ tx, input, user }) {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const created = await createImport(tx, {
      studioId: user.studioId,
      kind: input.kind,
      fileName: input.file.name,
      bytes,
    });
    return { revalidate: ["/imports"], redirectTo: `/imports/${created.id}` };
  },
});

export const dryRunImportAction = defineAction({
  access: "studio",
  schema: importMappingSchema,
  async run({ tx, input, user }) {
    const { kind, tally } = await dryRunImport(tx, {
      studioId: user.studioId,
      importId: input.importId,
      mapping: input.column,
    });
    return {
      revalidate: ["/imports"],
      message: tally
        ? `Dry run: ${summarizeImport(kind, tally)}. Nothing was saved.`
        : "The dry run has started; this page shows its progress.",
    };
  },
});

export const startImportAction = defineAction({
  access: "studio",
  schema: importMappingSchema,
  async run({ tx, input, user }) {
    const { kind, tally } = await startImport(tx, {
      studioId: user.studioId,
      importId: input.importId,
      mapping: input.column,
    });
    return {
      revalidate: PAGES_AN_IMPORT_CHANGES,
      message: tally
        ? `Imported: ${summarizeImport(kind, tally)}.`
        : "The import has started; this page shows its progress.",
    };
  },
});

export const undoImportAction = defineAction({
  access: "studio",
  schema: importIdSchema,
  async run({ tx, input, user }) {
    const undo = await undoImport(tx, { studioId: user.studioId, importId: input.importId });
    const kept = undo.keptClients + undo.keptLeads;
    return {
      revalidate: PAGES_AN_IMPORT_CHANGES,
      message: `Undone: removed ${countOf(undo.removedClients, "client", "clients")} and ${countOf(undo.removedLeads, "lead", "leads")}.${kept ? ` Kept ${countOf(kept, "record", "records")} changed since the import.` : ""}`,
    };
  },
});
