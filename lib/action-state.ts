/** What every form's action returns; forms show `message` and `fieldErrors` beside fields. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The submitted text fields, so a failed form keeps what the user typed. */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };
