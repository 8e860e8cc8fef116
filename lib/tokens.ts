import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { linkSecret } from "./env";

// Secrets in links (invitations, client pages, resets, the calendar feed) are never stored: the
// database keeps a SHA-256 of each and looks it up through a unique index. Tokens that an email
// carries are derived from LINK_SECRET and the row they open, so the worker can put the same
// link in the email at send time without anyone having stored it.

/** A fresh random token: 32 bytes, base64url. */
export const newToken = () => randomBytes(32).toString("base64url");

/** What the database stores in place of a token. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** What a link token opens; part of the derivation, so one row's token never opens another kind. */
export type LinkPurpose =
  | "invite"
  | "proposal"
  | "questionnaire"
  | "calendar"
  | "password-reset"
  | "email-verification"
  | "invoice"
  | "email-change"
  | "contract";

/** The link token of row `id` for `purpose`; a new `version` (e.g. a rotation) makes a new token. */
export function linkToken(purpose: LinkPurpose, id: string, version = 0, secret = linkSecret()): string {
  return createHmac("sha256", secret).update(`${purpose}:${id}:${version}`).digest("base64url");
}

export const linkTokenHash = (purpose: LinkPurpose, id: string, version = 0) =>
  hashToken(linkToken(purpose, id, version));

/**
 * An id for a new row whose link token is derived from it, with that token's hash. The id is
 * chosen here rather than by the database so that row and hash are written in one statement.
 */
export function newRowWithLink(purpose: LinkPurpose): { id: string; tokenHash: string } {
  const id = randomUUID();
  return { id, tokenHash: linkTokenHash(purpose, id) };
}

/**
 * The token of a stored link when it is the derived one, so a page can show the link again;
 * null for links issued before tokens were derived (their token exists only in the email sent).
 */
export function derivedLinkToken(
  purpose: LinkPurpose,
  id: string,
  storedHash: string | null,
  version = 0,
): string | null {
  if (!storedHash) return null;
  const token = linkToken(purpose, id, version);
  return hashToken(token) === storedHash ? token : null;
}
