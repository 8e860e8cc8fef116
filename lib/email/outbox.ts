import { type z } from "zod";
import { type Tx } from "@/lib/db";
import { EMAIL_KINDS, type EmailKindName } from "@/lib/email/kinds";
import { enqueueEmailJob } from "@/lib/email/queue";
import { configuredOrigin } from "@/lib/urls";

export type OutgoingEmail<K extends EmailKindName> = {
  /** Which email (lib/email/kinds): decides how it is rendered at send time. */
  kind: K;
  studioId: string | null;
  to: string;
  /** Ids and small values only: never a link, a token or anything secret. */
  params: z.input<(typeof EMAIL_KINDS)[K]["params"]>;
};

/**
 * Queues an email in the transaction of the change that causes it: if the change rolls back,
 * neither the email nor its delivery job exists; if it commits, the worker (not the request)
 * renders and delivers it. Rendering once here proves the rows exist and keeps the subject for
 * the studio's email list; the body is rendered again, with its links, only when it is sent.
 */
export async function queueEmail<K extends EmailKindName>(tx: Tx, email: OutgoingEmail<K>): Promise<{ id: string }> {
  const kind = EMAIL_KINDS[email.kind];
  const params = kind.params.parse(email.params) as Record<string, unknown>;
  // The render function type is a union over kinds; params were just parsed by this kind's schema.
  const rendered = await (kind.render as (ctx: unknown, p: unknown) => ReturnType<typeof kind.render>)({ tx, origin: configuredOrigin() ?? "", studioId: email.studioId }, params);
  if (!rendered) throw new Error(`the ${email.kind} email refers to rows that do not exist`);
  const row = await tx.emailMessage.create({
    data: { kind: email.kind, studioId: email.studioId, to: email.to, subject: rendered.subject, params: params as object },
    select: { id: true },
  });
  await enqueueEmailJob(tx, row.id);
  return row;
}
