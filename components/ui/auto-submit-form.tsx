"use client";

import Form from "next/form";
import { type ReactNode } from "react";

type Props = { action: string; role?: "search"; label?: string; className?: string; children: ReactNode };

/**
 * A GET form whose changed select, checkbox or radio applies at once (Enter applies a text box).
 * Without JavaScript it is a plain GET form, so it still works with its submit button.
 */
export function AutoSubmitForm({ action, role, label, className, children }: Props) {
  return (
    <Form
      action={action}
      role={role}
      aria-label={label}
      className={className}
      onChange={(e) => {
        const target = e.target;
        if (
          target instanceof HTMLSelectElement ||
          (target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio"))
        )
          e.currentTarget.requestSubmit();
      }}
    >
      {children}
    </Form>
  );
}
