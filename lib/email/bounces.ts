import { createHmac, timingSafeEqual } from "node:crypto";
import { simpleParser } from "mailparser";
// Relative imports: the worker runs under tsx from any working directory, without the "@/" alias.
import { notify } from "../notifications/mutations";
import { type ServiceDb } from "../service-db";
import { recordEmailEvent } from "./history";

// Bounces: an email the recipient's server accepted for delivery and later returned. Such a server
// sends a delivery status notification (RFC 3464) to the envelope sender, so each email goes out
// with its own (VERP): `bounces+<email id>.<signature>@domain` from BOUNCE_ADDRESS. The signature
// (an HMAC with LINK_SECRET) means nobody can mark another email bounced by writing to the
// receiver; the id means the report needs no Message-ID matching (many servers quote only headers).

const SIGNATURE_HEX = 16;

const signature = (emailId: string, secret: string) =>
  createHmac("sha256", secret).update(`bounce:${emailId}`).digest("hex").slice(0, SIGNATURE_HEX);

function splitAddress(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf("@");
  return at > 0 ? { local: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() } : null;
}

/** The envelope sender of email `emailId`: its bounces come back to `base` with the email named. */
export function bounceAddressFor(base: string, emailId: string, secret: string): string {
  const parts = splitAddress(base);
  if (!parts) throw new Error(`BOUNCE_ADDRESS is not an address: ${base}`);
  return `${parts.local}+${emailId}.${signature(emailId, secret)}@${parts.domain}`;
}

/** The email a bounce address names, when `base` made it with `secret`; null for anything else. */
export function emailIdFromBounceAddress(address: string, base: string, secret: string): string | null {
  const parts = splitAddress(address);
  const baseParts = splitAddress(base);
  if (!parts || !baseParts || parts.domain !== baseParts.domain) return null;
  const match = new RegExp(
    `^${escapeRegExp(baseParts.local)}\\+([0-9a-f-]{36})\\.([0-9a-f]{${SIGNATURE_HEX}})$`,
    "i",
  ).exec(parts.local);
  if (!match) return null;
  const [, emailId, given] = match;
  const expected = Buffer.from(signature(emailId.toLowerCase(), secret));
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase())) ? emailId.toLowerCase() : null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export type DeliveryReport = { action: string; status: string | null; diagnostic: string | null };

/**
 * The first recipient's report of a delivery status notification (a multipart/report of type
 * delivery-status, RFC 3464), or null for any other message (an auto-reply, a human's answer).
 * mailparser reads the headers; it folds the message/delivery-status part into the body text, so
 * that part is taken from between the report's boundaries.
 */
export async function readDeliveryReport(raw: Buffer | string): Promise<DeliveryReport | null> {
  const text = raw.toString();
  const mail = await simpleParser(text, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const type = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const boundary = type?.params?.boundary;
  if (type?.value?.toLowerCase() !== "multipart/report" || !boundary) return null;
  const status = text
    .split(`--${boundary}`)
    .map((part) => part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/))
    .find(([headers]) => /^content-type:\s*message\/(global-)?delivery-status\b/im.test(headers ?? ""));
  if (!status) return null;
  // Fields may be folded onto following lines that start with white space.
  const fields = status
    .slice(1)
    .join("\n\n")
    .replace(/\r?\n[ \t]+/g, " ");
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.+)$`, "im").exec(fields)?.[1].trim() ?? null;
  const action = field("Action")?.toLowerCase();
  if (!action) return null;
  const diagnostic = field("Diagnostic-Code")?.replace(/^[\w-]+;\s*/, "") ?? null;
  return { action, status: field("Status"), diagnostic };
}

export type BounceOutcome = "bounced" | "already-bounced" | "not-sent" | "missing";

/**
 * Marks a sent email bounced, with the server's words in its history, and tells the studio, in
 * one transaction on the locked row: a report delivered twice (the remote server retrying) or a
 * second report for the same email changes nothing.
 */
export async function recordBounce(
  db: ServiceDb,
  { emailId, report }: { emailId: string; report: DeliveryReport },
): Promise<BounceOutcome> {
  const detail = [report.status, report.diagnostic].filter(Boolean).join(" ") || "Returned by the recipient's server.";
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM "EmailMessage" WHERE id = ${emailId} FOR UPDATE`;
    if (!locked) return "missing";
    if (locked.status === "BOUNCED") return "already-bounced";
    if (locked.status !== "SENT") return "not-sent";
    const email = await tx.emailMessage.update({
      where: { id: emailId },
      data: { status: "BOUNCED", lastError: detail.slice(0, 1000) },
      select: { id: true, studioId: true, to: true, subject: true },
    });
    await recordEmailEvent(tx, {
      emailId: email.id,
      studioId: email.studioId,
      kind: "BOUNCED",
      detail: detail.slice(0, 1000),
    });
    if (email.studioId)
      await notify(tx, {
        studioId: email.studioId,
        kind: "email.bounced",
        message: `An email to ${email.to} bounced ("${email.subject}")`,
        link: "/emails",
      });
    return "bounced";
  });
}
