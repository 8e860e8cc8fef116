// Counts as a person writes them: "1 new lead", "3 new leads", never "lead(s)".
const rules = new Intl.PluralRules("en-US");

/** `count` and the noun in the form that number takes; `format` writes the number (e.g. "1,000+"). */
export function countOf(
  count: number,
  one: string,
  other: string,
  format: (n: number) => string = (n) => n.toLocaleString("en-US"),
): string {
  return `${format(count)} ${rules.select(count) === "one" ? one : other}`;
}
