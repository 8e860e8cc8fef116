"use client";

import { useEffect, useRef, useState } from "react";
import { type ShownFlash } from "@/lib/session";

/**
 * Shows the one-shot messages writes left (e.g. after the form that made one disappeared or
 * redirected), then asks the server to forget exactly those. A message stays on screen even
 * when the page re-renders without it. New messages take the focus: after a redirect the form
 * that was submitted is gone, and this is where a keyboard or screen reader user goes on from.
 */
export function FlashMessage({ flashes, clear }: { flashes: ShownFlash[]; clear: (ids: string[]) => Promise<void> }) {
  const [shown, setShown] = useState(flashes);
  if (flashes.some((f) => !shown.some((s) => s.id === f.id))) setShown(flashes);
  const box = useRef<HTMLDivElement>(null);
  const ids = flashes.map((f) => f.id).join(" ");
  useEffect(() => {
    if (!ids) return;
    box.current?.focus();
    void clear(ids.split(" "));
  }, [ids, clear]);
  if (shown.length === 0) return null;
  const isError = shown.some((f) => f.kind === "error");
  return (
    <div
      ref={box}
      role="status"
      tabIndex={-1}
      className={`mb-6 space-y-1 rounded-md px-4 py-3 text-sm ${isError ? "bg-red-50 text-red-700" : "bg-emerald-50 text-emerald-800"}`}
    >
      {shown.map((f) => (
        <p key={f.id}>{f.message}</p>
      ))}
    </div>
  );
}
