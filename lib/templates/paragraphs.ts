// No server dependencies: the email preview uses it in the browser.

/**
 * A plain-text message cut into paragraphs at blank lines, each trimmed, empty ones dropped: how
 * an email written as text is sent (lib/email-templates/wording.ts) and previewed.
 */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}
