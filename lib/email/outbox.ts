import { type z } from "zod";
import { type Tx } from "@/lib/db";
import { findOwnerConfirmation } from "@/lib/account/queries";
import { EMAIL_KINDS, type EmailKindName } from "@/lib/email/kinds";
import { enqueueEmailJob } from "@/lib/email/queue";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enforceLimit } from "@/lib/rate-limit";
import { configuredOrigin } from "@/lib/urls";

export const UNVERIFIED_OWNER_MESSAGE =
  "ShootQ sends email for your studio once its owner has confirmed their email address. Use the link in the email we sent, or send it again from the dashboard.";

const confirmedInTransaction = new WeakMap<Tx, Set<string>>();

/**
 * An email a studio sends to someone else: refused until the studio's owner has confirmed their
 * address, and counted against the studio's daily quota. The count is part of the transaction,
 * so an email that is refused or rolled back does not use any of it.
 */
async function checkStudioMaySend(tx: Tx, studioId: string) {
  // One look at the owner per transaction and studio, however many emails it queues.
  const confirmed = confirmedInTransaction.get(tx) ?? new Set<string>();
  if (!confirmed.has(studioId)) {
    if (!(await findOwnerConfirmation(tx, { studioId })).isConfirmed)
      throw new AppError("CONFLICT", UNVERIFIED_OWNER_MESSAGE);
    confirmedInTransaction.set(tx, confirmed.add(studioId));
  }
  const quota = env().STUDIO_DAILY_EMAIL_QUOTA;
  await enforceLimit(
    tx,
    { bucket: "studio-email", key: studioId, max: quota, windowSeconds: 24 * 60 * 60 },
    `Your studio has sent its ${quota} emails for today; nothing was sent.`,
  );
}

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
  // Account emails (studioId null) go to the account's own holder; everything else is the studio's.
  if (email.studioId) await checkStudioMaySend(tx, email.studioId);
  const kind = EMAIL_KINDS[email.kind];
  const params = kind.params.parse(email.params) as Record<string, unknown>;
  // The render function type is a union over kinds; params were just parsed by this kind's schema.
  const rendered = await (kind.render as (ctx: unknown, p: unknown) => ReturnType<typeof kind.render>)(
    { tx, origin: configuredOrigin() ?? "", studioId: email.studioId },
    params,
  );
  if (!rendered) throw new Error(`the ${email.kind} email refers to rows that do not exist`);
  const row = await tx.emailMessage.create({
    data: {
      kind: email.kind,
      studioId: email.studioId,
      to: email.to,
      subject: rendered.subject,
      params: params as object,
    },
    select: { id: true },
  });
  await enqueueEmailJob(tx, row.id);
  return row;
}
