"use client";

import { useEffect, useRef } from "react";
import { type ActionState } from "@/lib/action-state";

/**
 * The summary line of a form's last submission. When a submission is refused, focus moves to the
 * first field marked invalid in the same form, or else to this message, so a keyboard or screen
 * reader user lands on what to fix instead of staying on the submit button.
 */
export function FormMessage({ state }: { state: ActionState }) {
  const line = useRef<HTMLParagraphElement>(null);
  const { ok, message, fieldErrors } = state;
  useEffect(() => {
    if (ok || !message || !line.current) return;
    const invalid = line.current.closest("form")?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? line.current).focus();
    // A new outcome is a new message or a new set of field errors (each submission returns new ones).
  }, [ok, message, fieldErrors]);
  if (!message) return null;
  return (
    <p
      ref={line}
      role={ok ? "status" : "alert"}
      tabIndex={ok ? undefined : -1}
      className={`rounded-md px-3 py-2 text-sm ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
    >
      {message}
    </p>
  );
}
