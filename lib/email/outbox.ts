import { type Tx } from "@/lib/db";
import { findOwnerConfirmation } from "@/lib/account/queries";
import { dayKeyOf } from "@/lib/calendar/zoned";
import { EMAIL_KINDS, type EmailKindName, type EmailKindParams, renderKind } from "@/lib/email/kinds";
import { enqueueEmailJob } from "@/lib/email/queue";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { countAttempt } from "@/lib/rate-limit";
import { configuredOrigin } from "@/lib/urls";

export const UNVERIFIED_OWNER_MESSAGE =
  "ShootQ sends email for your studio once its owner has confirmed their email address. Use the link in the email we sent, or send it again from the dashboard.";

/** Why a studio's email was refused when its daily quota is used up; says when sending resumes. */
export const dailyQuotaMessage = (quota: number, timeZone: string) =>
  `Your studio has sent its ${quota} emails for today, so nothing was sent. Sending starts again at midnight (${timeZone} time).`;

/** A studio's email refused by its sending rules: shown to whoever sent it, skipped by scheduled runs. */
export class StudioSendRefused extends AppError {}

// The studio's time zone per transaction, once its owner was seen confirmed: one look per studio.
const senderInTransaction = new WeakMap<Tx, Map<string, string>>();

/**
 * An email a studio sends: refused until the studio's owner has confirmed their address and, when
 * it goes to someone else (`counted`), counted against the studio's quota for the day (in its time
 * zone). The count is part of the transaction, so an email that is refused or rolled back does not
 * use any of it.
 */
async function checkStudioMaySend(tx: Tx, studioId: string, now: Date, { counted }: { counted: boolean }) {
  const known = senderInTransaction.get(tx) ?? new Map<string, string>();
  let timeZone = known.get(studioId);
  if (timeZone === undefined) {
    if (!(await findOwnerConfirmation(tx, { studioId })).isConfirmed)
      throw new StudioSendRefused("CONFLICT", UNVERIFIED_OWNER_MESSAGE);
    const studio = await tx.studio.findUnique({ where: { id: studioId }, select: { timeZone: true } });
    if (!studio) throw new Error(`no studio ${studioId} to send email for`);
    timeZone = studio.timeZone;
    senderInTransaction.set(tx, known.set(studioId, timeZone));
  }
  if (!counted) return;
  const quota = env().STUDIO_DAILY_EMAIL_QUOTA;
  // One counter per studio and local day: the next day counts from zero at the studio's midnight.
  // The row outlives its day (48 h covers every offset) and is then pruned by the worker.
  const attempt = await countAttempt(tx, {
    bucket: "studio-email",
    key: `${studioId}:${dayKeyOf(now, timeZone)}`,
    max: quota,
    windowSeconds: 48 * 60 * 60,
  });
  if (!attempt.allowed) throw new StudioSendRefused("RATE_LIMITED", dailyQuotaMessage(quota, timeZone));
}

export type OutgoingEmail<K extends EmailKindName> = {
  /** Which email (lib/email/kinds): decides how it is rendered at send time. */
  kind: K;
  studioId: string | null;
  to: string;
  /** Ids and small values only: never a link, a token or anything secret. */
  params: EmailKindParams<K>;
  /** When it is queued (tests move the clock): decides which day's quota it counts against. */
  now?: Date;
  /**
   * To one of the studio's own members (a new-inquiry alert): refused like every studio email
   * until the owner has confirmed their address, but not counted in the day's quota, which is for
   * emails to other people.
   */
  toMember?: boolean;
};

/**
 * Queues an email in the transaction of the change that causes it: if the change rolls back,
 * neither the email nor its delivery job exists; if it commits, the worker (not the request)
 * renders and delivers it. Rendering once here proves the rows exist and keeps the subject for
 * the studio's email list; the body is rendered again, with its links, only when it is sent.
 */
export async function queueEmail<K extends EmailKindName>(tx: Tx, email: OutgoingEmail<K>): Promise<{ id: string }> {
  const [row] = await queueEmails(tx, { ...email, to: [email.to] });
  return row;
}

/**
 * Queues the same email to several people (a new-inquiry alert to each member who asked): like
 * {@link queueEmail}, but rendered once for all of them. Each copy is its own row and delivery job.
 */
export async function queueEmails<K extends EmailKindName>(
  tx: Tx,
  email: Omit<OutgoingEmail<K>, "to"> & { to: string[] },
): Promise<{ id: string }[]> {
  if (email.to.length === 0) return [];
  // Account emails (studioId null) go to the account's own holder; everything else is the studio's.
  // Members' copies count in no quota, so one check covers them; each other copy counts once.
  const checks = email.toMember ? 1 : email.to.length;
  if (email.studioId)
    for (let i = 0; i < checks; i++)
      await checkStudioMaySend(tx, email.studioId, email.now ?? new Date(), { counted: !email.toMember });
  // Stored as the kind's schema reads them (defaults filled in); the worker parses them again.
  const params: object = EMAIL_KINDS[email.kind].params.parse(email.params);
  const rendered = await renderKind(
    email.kind,
    { tx, origin: configuredOrigin() ?? "", studioId: email.studioId },
    email.params,
  );
  if (!rendered) throw new Error(`the ${email.kind} email refers to rows that do not exist`);
  const rows: { id: string }[] = [];
  for (const to of email.to) {
    const row = await tx.emailMessage.create({
      data: {
        kind: email.kind,
        studioId: email.studioId,
        to,
        subject: rendered.subject,
        params,
        events: { create: { kind: "QUEUED", studioId: email.studioId } },
      },
      select: { id: true },
    });
    await enqueueEmailJob(tx, row.id);
    rows.push(row);
  }
  return rows;
}
