import {
  accountExists,
  confirmEmailChange,
  emailChanged,
  passwordReset,
  verifyEmail,
} from "@/lib/email/kinds/account-links";
import { clientMessage } from "@/lib/email/kinds/client-message";
import { contractSent } from "@/lib/email/kinds/contract-sent";
import { contractSigned } from "@/lib/email/kinds/contract-signed";
import { inquiryAutoReply } from "@/lib/email/kinds/inquiry-auto-reply";
import { installmentReminder } from "@/lib/email/kinds/installment-reminder";
import { invoiceSent } from "@/lib/email/kinds/invoice-sent";
import { leadAlert } from "@/lib/email/kinds/lead-alert";
import { leadDigest } from "@/lib/email/kinds/lead-digest";
import { legacyText } from "@/lib/email/kinds/legacy-text";
import { paymentReceipt } from "@/lib/email/kinds/payment-receipt";
import { proposalSent } from "@/lib/email/kinds/proposal-sent";
import { questionnaireSent } from "@/lib/email/kinds/questionnaire-sent";
import { referralInvite } from "@/lib/email/kinds/referral-invite";
import { staffInvite } from "@/lib/email/kinds/staff-invite";
import { systemNotice } from "@/lib/email/kinds/system-notice";
import { templateTest } from "@/lib/email/kinds/template-test";
import { webhookDisabled } from "@/lib/email/kinds/webhook-disabled";
import { workflowEmail } from "@/lib/email/kinds/workflow-email";
import { type z } from "zod";
import { type EmailKind, type RenderContext, type RenderedEmail } from "@/lib/email/kind";

/** Every email ShootQ sends, by the kind stored in the outbox row. */
export const EMAIL_KINDS = {
  "account.verify-email": verifyEmail,
  "account.email-change": confirmEmailChange,
  "account.email-changed": emailChanged,
  "account.password-reset": passwordReset,
  "account.exists": accountExists,
  "client.message": clientMessage,
  "contract.sent": contractSent,
  "inquiry.auto-reply": inquiryAutoReply,
  "lead.alert": leadAlert,
  "lead.digest": leadDigest,
  "contract.signed": contractSigned,
  "proposal.sent": proposalSent,
  "questionnaire.sent": questionnaireSent,
  "referral.invite": referralInvite,
  "staff.invite": staffInvite,
  "system.notice": systemNotice,
  "template.test": templateTest,
  "invoice.sent": invoiceSent,
  "payment.receipt": paymentReceipt,
  "installment.reminder": installmentReminder,
  "webhook.disabled": webhookDisabled,
  "workflow.email": workflowEmail,
} as const;

export type EmailKindName = keyof typeof EMAIL_KINDS;

/** Kinds the worker can still deliver but nothing queues any more. */
export const LEGACY_KIND = "legacy.text";

export function findEmailKind(kind: string): EmailKind | undefined {
  if (kind === LEGACY_KIND) return legacyText as EmailKind;
  return Object.hasOwn(EMAIL_KINDS, kind) ? (EMAIL_KINDS[kind as EmailKindName] as EmailKind) : undefined;
}

/** What queueing a kind takes: ids and small values, as its schema reads them. */
export type EmailKindParams<K extends EmailKindName> = z.input<(typeof EMAIL_KINDS)[K]["params"]>;

/**
 * One kind's subject and body from its params, parsed by the kind's own schema first: queueing
 * an email renders it so, and so does the real-record preview of Settings → Emails.
 */
export function renderKind<K extends EmailKindName>(
  kind: K,
  ctx: RenderContext,
  params: EmailKindParams<K>,
): Promise<RenderedEmail | null> {
  // The registry's entries are a union TypeScript cannot call; the kind's schema checks the params.
  const found = EMAIL_KINDS[kind] as EmailKind;
  return found.render(ctx, found.params.parse(params));
}
