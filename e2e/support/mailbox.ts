import { expect } from "@playwright/test";

// The e2e runs deliver real email: the worker sends the outbox over SMTP to a maildev sink
// (e2e/support/backend.ts), whose REST API lists what arrived.

export type MailAttachment = { filename: string; contentType: string; size: number; content(): Promise<Buffer> };

export type MailMessage = {
  id: string;
  from: string;
  /** The envelope sender (MAIL FROM), where the recipient's server sends a bounce. */
  envelopeFrom: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Header names in lower case, as the receiving server parsed them. */
  headers: Record<string, string>;
  attachments: MailAttachment[];
  /** The whole message as it arrived (RFC 822). */
  raw(): Promise<string>;
};

type Address = { address: string; name?: string };

type MaildevEmail = {
  id: string;
  subject?: string;
  text?: string;
  html?: string;
  from?: Address[];
  to?: Address[];
  headers?: Record<string, string | string[]>;
  envelope?: { from?: { address?: string } };
  attachments?:
    { generatedFileName: string; fileName?: string; contentType: string; length?: number; size?: number }[] | null;
};

function mailboxUrl(): string {
  const url = process.env.SHOOTQ_MAILBOX_URL;
  if (!url) throw new Error("no mail sink: the e2e global setup starts one and sets SHOOTQ_MAILBOX_URL");
  return url;
}

async function fetchOk(path: string): Promise<Response> {
  const res = await fetch(`${mailboxUrl()}${path}`);
  if (!res.ok) throw new Error(`mail sink: GET ${path} answered ${res.status}`);
  return res;
}

function toMessage(email: MaildevEmail): MailMessage {
  const base = `/email/${encodeURIComponent(email.id)}`;
  return {
    id: email.id,
    from: email.from?.[0]?.address ?? "",
    envelopeFrom: email.envelope?.from?.address ?? "",
    to: (email.to ?? []).map((a) => a.address.toLowerCase()),
    subject: email.subject ?? "",
    text: email.text ?? "",
    html: email.html ?? null,
    headers: Object.fromEntries(
      Object.entries(email.headers ?? {}).map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v.join(", ") : String(v),
      ]),
    ),
    attachments: (email.attachments ?? []).map((a) => ({
      filename: a.fileName ?? a.generatedFileName,
      contentType: a.contentType,
      size: a.length ?? a.size ?? 0,
      content: async () =>
        Buffer.from(
          await (await fetchOk(`${base}/attachment/${encodeURIComponent(a.generatedFileName)}`)).arrayBuffer(),
        ),
    })),
    raw: async () => (await fetchOk(`${base}/source`)).text(),
  };
}

export type MailQuery = { to: string; subject?: string | RegExp };

const matches = (m: MailMessage, q: MailQuery) =>
  m.to.includes(q.to.toLowerCase()) &&
  (q.subject === undefined || (typeof q.subject === "string" ? m.subject === q.subject : q.subject.test(m.subject)));

export type Mailbox = typeof mailbox;

export const mailbox = {
  /** Every message the sink has received so far. Specs share the sink: filter by a recipient of your own. */
  async list(): Promise<MailMessage[]> {
    return ((await (await fetchOk("/email")).json()) as MaildevEmail[]).map(toMessage);
  },

  /** The message's HTML as a mail client shows it, inline images (cid:) served by the sink. */
  htmlUrl(message: MailMessage): string {
    return `${mailboxUrl()}/email/${encodeURIComponent(message.id)}/html`;
  },

  /** The messages for `to` (and `subject`) received so far. */
  async find(query: MailQuery): Promise<MailMessage[]> {
    return (await this.list()).filter((m) => matches(m, query));
  },

  /**
   * Waits until a message for `to` (and `subject`) has arrived and returns the latest one. Delivery
   * goes through the outbox and the worker, so it takes a moment after the action that queued it.
   */
  async waitFor(query: MailQuery, timeout = 20_000): Promise<MailMessage> {
    let found: MailMessage[] = [];
    await expect(async () => {
      found = await this.find(query);
      expect(found.length, `messages to ${query.to}${query.subject ? ` about ${query.subject}` : ""}`).toBeGreaterThan(
        0,
      );
    }).toPass({ timeout, intervals: [250, 500, 1000] });
    return found[found.length - 1];
  },
};
