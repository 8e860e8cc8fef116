import { type z } from "zod";
import { type Tx } from "@/lib/db";

// The contract every email kind follows. The outbox row stores only the kind, the recipient,
// the studio and small params (ids, never a link or a token); the worker renders the email at
// send time from the rows those ids name, so nothing secret sits in the outbox.

export type EmailAttachment = {
  filename: string;
  contentType: string;
  content: Buffer | string;
  /** An inline image's Content-ID, which the HTML shows as `cid:…` (the brand's logo). */
  cid?: string;
};

export type RenderedEmail = {
  subject: string;
  text: string;
  html?: string;
  /** The brand or studio an email to a client speaks for: its sender name, replies to the studio (lib/email/sender). */
  sender?: string;
  /** Where a reply goes when it is not the studio (a new-inquiry alert: the client who wrote). */
  replyTo?: string;
};

export type RenderContext = {
  /** The transaction the email is queued or delivered in. */
  tx: Tx;
  /** The public origin links point at (APP_URL). */
  origin: string;
  /** The studio the email is sent for (null for account emails); every lookup is scoped to it. */
  studioId: string | null;
};

export type EmailKind<S extends z.ZodType = z.ZodType> = {
  params: S;
  /**
   * Subject and body from the rows `params` name. Runs once when the email is queued (the
   * subject is kept for /emails) and again when it is sent. Returns null when the email no
   * longer applies (its invitation was revoked, say): the worker then cancels it.
   */
  render(ctx: RenderContext, params: z.output<S>): Promise<RenderedEmail | null>;
  /** Files built at send time only (e.g. a PDF made from a row id), never at queue time. */
  attachments?(ctx: RenderContext, params: z.output<S>): Promise<EmailAttachment[]>;
};

/** Declares a kind; the identity function keeps params and render typed together. */
export const defineEmailKind = <S extends z.ZodType>(kind: EmailKind<S>): EmailKind<S> => kind;
