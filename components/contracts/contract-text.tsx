import { sanitizeTemplateHtml } from "@/lib/templates/html";

/**
 * A contract's HTML as the client reads it. The stored text was sanitized when it was frozen;
 * sanitizing again on display means even a row edited behind the app's back renders no script.
 */
export function ContractText({ html, label }: { html: string; label: string }) {
  return (
    <div
      role="document"
      aria-label={label}
      className="contract-text"
      dangerouslySetInnerHTML={{ __html: sanitizeTemplateHtml(html) }}
    />
  );
}
