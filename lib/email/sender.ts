import addressparser from "nodemailer/lib/addressparser";
// Relative imports: the worker runs under tsx from any working directory, without the "@/" alias.
import { findOwnerConfirmation } from "../account/queries";
import { type Tx } from "../db";

export type SenderHeaders = { from: string | { name: string; address: string }; replyTo?: string };

/**
 * From and Reply-To of an email. One a studio sends in its own voice (the kind names the brand or
 * studio it speaks for) shows that name as the sender and takes replies at the owner's confirmed
 * address, so a client's answer reaches the photographer; the address in From stays the
 * platform's (MAIL_FROM), which is what SPF and DKIM vouch for, and so does the envelope sender
 * (MAIL_FROM's address, or the email's own address on BOUNCE_ADDRESS's domain: lib/email/bounces.ts). Account
 * and platform emails keep MAIL_FROM as it is; one that names its own Reply-To (a new-inquiry
 * alert to the photographer, answered straight to the client) keeps it.
 */
export async function senderHeaders(
  tx: Tx,
  {
    platformFrom,
    studioId,
    sender,
    replyTo,
  }: { platformFrom: string; studioId: string | null; sender?: string; replyTo?: string },
): Promise<SenderHeaders> {
  if (!studioId || !sender) return { from: platformFrom, ...(replyTo ? { replyTo } : {}) };
  const [platform] = addressparser(platformFrom, { flatten: true });
  if (!platform?.address) throw new Error(`MAIL_FROM has no address: ${platformFrom}`);
  const owner = await findOwnerConfirmation(tx, { studioId });
  return {
    from: { name: sender, address: platform.address },
    ...(owner.isConfirmed && owner.ownerEmail ? { replyTo: owner.ownerEmail } : {}),
  };
}
