import { type Tx } from "@/lib/db";
import { findEmailKind } from "@/lib/email/kinds";
import { type EmailAttachment, type EmailKind, type RenderedEmail } from "@/lib/email/kind";
import { emailHtml } from "@/lib/email/layout";
import { findSenderLogo, logoDisplaySize } from "@/lib/brands/logo";

/** The Content-ID of the brand's logo inside an email. */
export const LOGO_CID = "brand-logo@shootq";

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
  // A brand's email carries its logo as an inline image: nothing for the mail client to fetch.
  const logo =
    row.studioId && rendered.sender
      ? await findSenderLogo(tx, { studioId: row.studioId, sender: rendered.sender })
      : null;
  if (logo)
    attachments.push({
      filename: logo.contentType === "image/png" ? "logo.png" : "logo.jpg",
      contentType: logo.contentType,
      content: Buffer.from(logo.data),
      cid: LOGO_CID,
    });
  // Every email goes with an HTML part in the one layout (lib/email/layout) beside its plain text.
  const html = await emailHtml({
    ...rendered,
    ...(logo ? { logo: { src: `cid:${LOGO_CID}`, ...logoDisplaySize(logo) } } : {}),
  });
  return { ok: true, ...rendered, html, attachments };
}
