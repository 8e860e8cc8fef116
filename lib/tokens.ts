import { createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "./env";

// Secrets in links (invitations, client pages, resets, the calendar feed) are never stored: the
// database keeps a SHA-256 of each and looks it up through a unique index. Tokens that an email
// carries are derived from LINK_SECRET and the row they open, so the worker can put the same
// link in the email at send time without anyone having stored it.

/** A fresh random token: 32 bytes, base64url. */
export const newToken = () => randomBytes(32).toString("base64url");

/** What the database stores in place of a token. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** What a link token opens; part of the derivation, so one row's token never opens another kind. */
export type LinkPurpose = "invite" | "proposal" | "questionnaire" | "calendar" | "password-reset" | "email-verification" | "invoice";

/** The link token of row `id` for `purpose`; a new `version` (e.g. a rotation) makes a new token. */
export function linkToken(purpose: LinkPurpose, id: string, version = 0, secret = env().LINK_SECRET): string {
  return createHmac("sha256", secret).update(`${purpose}:${id}:${version}`).digest("base64url");
}

export const linkTokenHash = (purpose: LinkPurpose, id: string, version = 0) => hashToken(linkToken(purpose, id, version));

/** Link tokens are 43 base64url characters; older random ones 32. Anything else is not looked up. */
export const isTokenShaped = (value: string) => /^[A-Za-z0-9_-]{20,100}$/.test(value);
