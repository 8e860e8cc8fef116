"use client";

import { useEffect, useState } from "react";
import { type Flash } from "@/lib/session";

/**
 * Shows the one-shot message a write left in the session (e.g. after the form that made it
 * disappeared or redirected), then asks the server to forget it. The message stays on screen
 * even when the page re-renders without it.
 */
export function FlashMessage({ flash, clear }: { flash?: Flash; clear: () => Promise<void> }) {
  const [shown, setShown] = useState(flash);
  if (flash && flash.message !== shown?.message) setShown(flash);
  useEffect(() => {
    if (flash) void clear();
  }, [flash, clear]);
  if (!shown) return null;
  return (
    <div role="status" className={`mb-6 rounded-md px-4 py-3 text-sm ${shown.kind === "success" ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
      {shown.message}
    </div>
  );
}
