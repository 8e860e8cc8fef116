import { randomBytes } from "node:crypto";
import { type Tx } from "@/lib/db";
import { hashToken } from "@/lib/team/tokens";

// A client's link to an invoice carries 32 random bytes; only their hash is stored, and every
// email mints a link of its own, so an email can be sent without any earlier link.

/** A new link to the invoice; the raw token exists only in what this returns. */
export async function mintInvoiceLink(tx: Tx, { studioId, invoiceId }: { studioId: string; invoiceId: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.invoiceLink.create({ data: { studioId, invoiceId, tokenHash: hashToken(token) }, select: { id: true } });
  return token;
}
