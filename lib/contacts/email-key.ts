/**
 * The key that makes two addresses one client: surrounding spaces dropped, Unicode NFKC (so a
 * full-width "ｇｒａｃｅ" is "grace"), lower-case. The migration that introduced it computes the
 * same in SQL. No imports: the seed factories use it too.
 */
export function normalizeEmail(value: string | null | undefined): string | null {
  const key = value?.trim().normalize("NFKC").toLowerCase();
  return key ? key : null;
}
