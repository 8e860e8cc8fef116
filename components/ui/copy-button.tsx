"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so beside itself. */
export function CopyButton({
  text,
  label,
  copiedLabel = "Copied",
}: {
  text: string;
  label: string;
  copiedLabel?: string;
}) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setStatus("copied");
          } catch {
            setStatus("failed");
          }
        }}
      >
        {label}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {status === "copied"
          ? copiedLabel
          : status === "failed"
            ? "Copying is blocked here: select the text and copy it."
            : ""}
      </span>
    </span>
  );
}
