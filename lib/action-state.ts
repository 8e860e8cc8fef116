/** What every form's action returns; forms show `message` and `fieldErrors` beside fields. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The submitted text fields, so a failed form keeps what the user typed. */
  values?: Record<string, string>;
  /** A secret shown once to the person who made it (a new API token); never stored or logged. */
  secret?: string;
  /**
   * The browser never got the server's answer (a node stopped mid-request, the network dropped):
   * the write may or may not have happened, so the form keeps its token for the resend
   * (components/ui/use-form-action.ts).
   */
  unanswered?: boolean;
};

export const initialActionState: ActionState = { ok: false };

/** The hidden field a form renders (components/ui/form-token.tsx) to make its submit idempotent. */
export const FORM_TOKEN_FIELD = "formToken";

/** FormData to a plain object; fields named `x[]` become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key.endsWith("[]")) {
      const k = key.slice(0, -2);
      out[k] = [...((out[k] as unknown[]) ?? []), value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Echoed back to refill a failed form; secrets are never sent back. */
export function textValues(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([k, v]) => typeof v === "string" && !/password|token/i.test(k))
      .map(([k, v]) => [k, (v as string).slice(0, 5000)]),
  );
}
