"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";

type Snippet = { brandId: string; brandName: string; html: string };

const code = "block w-full rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100";

/**
 * The embed code for the chosen brand, a copy button, and a preview of how the form looks.
 * The preview is sandboxed without scripts or form submission, so trying it creates no lead.
 */
export function InquiryEmbed({ snippets }: { snippets: Snippet[] }) {
  const [brandId, setBrandId] = useState(snippets[0]?.brandId);
  const chosen = snippets.find((s) => s.brandId === brandId) ?? snippets[0];
  if (!chosen) return null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        {snippets.length > 1 ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Brand the page is about
            <select
              value={chosen.brandId}
              onChange={(e) => setBrandId(e.target.value)}
              className="rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 ring-inset"
            >
              {snippets.map((s) => (
                <option key={s.brandId} value={s.brandId}>
                  {s.brandName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="block text-sm font-medium text-slate-700" htmlFor="embed-code">
          Embed code for {chosen.brandName}
        </label>
        <textarea
          id="embed-code"
          readOnly
          rows={14}
          className={code}
          value={chosen.html}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={chosen.html} label="Copy embed code" copiedLabel="Copied. Paste it into your website." />
      </div>
      <div>
        <p className="mb-1 text-sm font-medium text-slate-700">Preview</p>
        <iframe
          title={`Preview of the inquiry form for ${chosen.brandName}`}
          srcDoc={chosen.html}
          sandbox=""
          className="h-[28rem] w-full rounded-md bg-white ring-1 ring-slate-200"
        />
      </div>
    </div>
  );
}
