import { type Tx } from "@/lib/db";
import { findEmailKind } from "@/lib/email/kinds";
import { type EmailAttachment, type EmailKind, type RenderedEmail } from "@/lib/email/kind";
import { emailHtml } from "@/lib/email/layout";

export type OutboxRow = { kind: string; studioId: string | null; params: unknown };

export type RenderResult =
  ({ ok: true } & RenderedEmail & { attachments: EmailAttachment[] }) | { ok: false; reason: string };

/**
 * Renders an outbox row as the worker sends it: subject, text, HTML (in the one layout) and attachments, with links
 * whose tokens are derived now. `{ ok: false }` means the email no longer applies (cancelled);
 * an unknown kind or bad params throw (a bug: the delivery fails and is retried, then reported).
 */
export async function renderOutboxEmail(
  tx: Tx,
  row: OutboxRow,
  { origin, kinds = findEmailKind }: { origin: string; kinds?: (kind: string) => EmailKind | undefined },
): Promise<RenderResult> {
  const kind = kinds(row.kind);
  if (!kind) throw new Error(`no email kind "${row.kind}"`);
  const params = kind.params.parse(row.params);
  const ctx = { tx, origin, studioId: row.studioId };
  const rendered = await kind.render(ctx, params);
  if (!rendered) return { ok: false, reason: "No longer applies (withdrawn, answered or expired)." };
  const attachments = kind.attachments ? await kind.attachments(ctx, params) : [];
  // Every email goes with an HTML part in the one layout (lib/email/layout) beside its plain text.
  return { ok: true, ...rendered, html: await emailHtml(rendered), attachments };
}
