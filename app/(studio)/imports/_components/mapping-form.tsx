"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ActionState } from "@/lib/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

type Props = {
  importId: string;
  header: string[];
  preview: string[][];
  mapping: string[];
  fields: { value: string; label: string }[];
  dryRunAction: Action;
  importAction: Action;
};

/** One select per column above the file's first rows; "Dry run" and "Import" send the same choices. */
export function MappingForm({ importId, header, preview, mapping, fields, dryRunAction, importAction }: Props) {
  const [dryState, dryRun, isChecking] = useFormAction(dryRunAction);
  const [importState, runImport, isImporting] = useFormAction(importAction);
  const pending = isChecking || isImporting;
  const errors = [...(dryState.fieldErrors?.column ?? []), ...(importState.fieldErrors?.column ?? [])];
  return (
    <form className="space-y-4" noValidate>
      <input type="hidden" name="importId" value={importId} />
      <FormMessage state={dryState} />
      <FormMessage state={importState} />
      {errors.length ? (
        <p className="text-sm text-red-600" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Columns of the file and their first rows</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left align-bottom">
              {header.map((name, i) => (
                <th key={i} scope="col" className="min-w-40 py-2 pr-3 font-medium text-slate-700">
                  <label htmlFor={`column-${i}`} className="mb-1 block">
                    {name || `Column ${i + 1}`}
                  </label>
                  <select
                    id={`column-${i}`}
                    name="column[]"
                    defaultValue={mapping[i] ?? ""}
                    className="block w-full rounded-md bg-white px-2 py-1 text-sm ring-1 ring-slate-300"
                  >
                    <option value="">Leave out</option>
                    {fields.map((f) => (
                      <option key={f.value} value={f.value}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((row, r) => (
              <tr key={r} className="border-b border-slate-100">
                {header.map((_, i) => (
                  <td key={i} className="py-1 pr-3 text-slate-600">
                    {row[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" formAction={dryRun} disabled={pending}>
          {isChecking ? "Checking…" : "Dry run"}
        </Button>
        <Button type="submit" formAction={runImport} disabled={pending}>
          {isImporting ? "Importing…" : "Import"}
        </Button>
      </div>
    </form>
  );
}
