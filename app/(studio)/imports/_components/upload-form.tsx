"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  kind: "CLIENTS" | "LEADS";
  maxBytes: number;
  maxLabel: string;
};

/**
 * Upload of a CSV file. A file over the cap is refused here before it is sent (the server refuses
 * it too, with the same message, for a browser that skips this check).
 */
export function UploadForm({ action, kind, maxBytes, maxLabel }: Props) {
  const [state, formAction, pending] = useFormAction(action);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const fileErrors = tooLarge ? [tooLarge] : state.fieldErrors?.file;
  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        if (tooLarge) e.preventDefault();
      }}
    >
      <FormMessage state={tooLarge ? { ok: false, message: tooLarge } : state} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">What the file holds</legend>
        <label className="mr-4 inline-flex items-center gap-2 text-sm">
          <input type="radio" name="kind" value="CLIENTS" defaultChecked={kind === "CLIENTS"} /> Clients
        </label>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="radio" name="kind" value="LEADS" defaultChecked={kind === "LEADS"} /> Leads
        </label>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
          CSV file
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          className="block text-sm"
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby="import-file-hint"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            setTooLarge(
              file && file.size > maxBytes ? `The file is larger than ${maxLabel}: split it into smaller files.` : null,
            );
          }}
        />
        {fileErrors?.length ? (
          <p id="import-file-hint" className="text-sm text-red-600" role="alert">
            {fileErrors.join(" ")}
          </p>
        ) : (
          <p id="import-file-hint" className="text-xs text-slate-500">
            A CSV export of HoneyBook, Dubsado or any spreadsheet, UTF-8, up to {maxLabel}. Nothing is imported until
            you have checked the columns.
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending || Boolean(tooLarge)}>
        {pending ? "Uploading…" : "Upload"}
      </Button>
    </form>
  );
}
