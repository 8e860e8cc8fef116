/** What every form's action returns; forms show `message` and `fieldErrors` beside fields. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The submitted text fields, so a failed form keeps what the user typed. */
  values?: Record<string, string>;
  /** A secret shown once to the person who made it (a new API token); never stored or logged. */
  secret?: string;
};

export const initialActionState: ActionState = { ok: false };
