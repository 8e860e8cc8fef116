"use client";

import { useEffect, useRef } from "react";
import { FORM_TOKEN_FIELD, type ActionState } from "@/lib/action-state";

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
 * submission, except after a submit whose answer was lost (`unanswered`): it may have been saved,
 * so its resend carries the same token. Drawn in the browser after hydration; a form sent before
 * that simply has none.
 */
export function FormToken({ state }: { state: ActionState }) {
  const field = useRef<HTMLInputElement>(null);
  const token = useRef("");
  useEffect(() => {
    if (!state.unanswered || !token.current) token.current = newFormToken();
    if (field.current) field.current.value = token.current;
  }, [state]);
  // No value or defaultValue for React to own: on a re-render it would put an empty default back
  // and the next submit would go without its token.
  return <input ref={field} type="hidden" name={FORM_TOKEN_FIELD} />;
}
