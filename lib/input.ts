/** PostgreSQL text cannot hold a NUL character: such input is refused field by field, not stored. */
const UNSTORABLE = /\u0000/;

const UNSTORABLE_MESSAGE = "Remove the invisible control characters from this field.";

/** The top-level fields of `input` that contain text PostgreSQL cannot store. */
export function unstorableFields(input: Record<string, unknown>): Record<string, string[]> {
  const bad = (v: unknown): boolean =>
    typeof v === "string"
      ? UNSTORABLE.test(v)
      : Array.isArray(v)
        ? v.some(bad)
        : v !== null && typeof v === "object"
          ? Object.values(v).some(bad)
          : false;
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => bad(v))
      .map(([k]) => [k, [UNSTORABLE_MESSAGE]]),
  );
}
