"use client";

import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Hidden fields sent with the click, e.g. the id of the row. */
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** Asked before submitting, for actions that cannot be undone. */
  confirm?: string;
  /** The button's accessible name when its label alone is ambiguous ("Complete" which task?). */
  ariaLabel?: string;
};

/** A one-button form (confirm, delete, mark read) that shows why it failed next to itself. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  confirm,
  ariaLabel,
}: Props) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-start gap-1"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {pending ? (pendingLabel ?? label) : label}
      </Button>
      {state.message ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-xs ${state.ok ? "text-emerald-700" : "text-red-600"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
