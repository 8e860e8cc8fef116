"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { FormToken } from "@/components/ui/form-token";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  /** A form that creates something: a repeated submit gets the first one's outcome (FormToken). */
  isCreate?: boolean;
  /** Asked before submitting, for actions that cannot be undone. */
  confirm?: string;
  /**
   * A check in the browser before anything is sent (a file over the server's cap): a refusal
   * shows as the server's would, and the form is not submitted. The server checks again.
   */
  check?: (form: FormData) => ActionState | null;
  /** Fields, given the last state so they can show errors and keep values. */
  children?: (state: ActionState) => ReactNode;
};

/** A form bound to one server action, with its message, field errors and pending state. */
export function ActionForm({
  action,
  submitLabel,
  variant = "primary",
  className = "space-y-4",
  isCreate = false,
  confirm,
  check,
  children,
}: Props) {
  const [submitted, formAction, pending] = useFormAction(action);
  const [refused, setRefused] = useState<ActionState | null>(null);
  const state = refused ?? submitted;
  return (
    <form
      action={formAction}
      className={className}
      noValidate
      onSubmit={(e) => {
        const refusal = check?.(new FormData(e.currentTarget)) ?? null;
        setRefused(refusal);
        if (refusal || (confirm && !window.confirm(confirm))) e.preventDefault();
      }}
    >
      <FormMessage state={state} />
      {isCreate ? <FormToken state={state} /> : null}
      {children?.(state)}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
