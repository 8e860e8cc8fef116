"use client";

import { unstable_isUnrecognizedActionError } from "next/navigation";
import { useEffect } from "react";

// A page from the previous release may call a server action the new release no longer has:
// reload onto the new release instead of showing an error.
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const stale = unstable_isUnrecognizedActionError(error);
  useEffect(() => {
    if (stale) window.location.reload();
  }, [stale]);
  if (stale) return null;
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">Nothing you saved was lost. Try again, or reload the page.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Try again
      </button>
    </main>
  );
}
