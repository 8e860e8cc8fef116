"use client";

import { useEffect, useRef } from "react";
import { type ActionState } from "@/lib/action-state";

function newFormToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/**
 * The one hidden field that makes a create form idempotent: a second submit of the same form
 * (a double click, a retried request) gets the first one's outcome instead of writing again
 * (lib/write-core.ts). A fresh token is drawn after each outcome, so the next entry is a new
 * submission. Drawn in the browser after hydration; a form sent before that simply has none.
 */
export function FormToken({ state }: { state: ActionState }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.value = newFormToken();
  }, [state]);
  return <input ref={ref} type="hidden" name="formToken" defaultValue="" />;
}
