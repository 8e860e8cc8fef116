"use client";

import Form from "next/form";
import { type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

type Props = {
  action: string;
  label: string;
  children: ReactNode;
  className?: string;
  /** A button shown always (e.g. "Preview"); without it the Apply button is only for browsers without JavaScript. */
  submitLabel?: string;
  /** "form" for a GET form that is not a search (the reschedule preview). */
  role?: "search" | "form";
};

/**
 * A list's filters as a GET form: a changed select applies at once, Enter applies the search
 * box. Without JavaScript it is a plain form with an Apply button, so the list still filters.
 */
export function FilterForm({
  action,
  label,
  children,
  className = "mb-4 flex flex-wrap items-end gap-3",
  submitLabel,
  role = "search",
}: Props) {
  return (
    <Form
      action={action}
      role={role}
      aria-label={label}
      className={className}
      onChange={(e) => {
        if (
          e.target instanceof HTMLSelectElement ||
          (e.target instanceof HTMLInputElement && (e.target.type === "checkbox" || e.target.type === "radio"))
        )
          e.currentTarget.requestSubmit();
      }}
    >
      {children}
      {submitLabel ? (
        <button type="submit" className={buttonClass("secondary")}>
          {submitLabel}
        </button>
      ) : (
        <noscript>
          <button type="submit" className={buttonClass("secondary")}>
            Apply
          </button>
        </noscript>
      )}
    </Form>
  );
}

export const filterControl =
  "rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300";

/** A labelled control in a filter bar. */
export function FilterLabel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      {children}
    </label>
  );
}
