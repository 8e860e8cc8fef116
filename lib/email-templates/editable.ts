import { type TemplateContextName } from "@/lib/templates/fields";

// The emails a studio writes itself, per brand (Settings → Emails). Each is rendered by an outbox
// kind (lib/email/kinds) from the brand's EmailTemplate row of this kind, or from the default
// below until the photographer writes their own. A new one is a line here, a context
// in lib/templates/fields.ts and its kind rendering through `findEmailWording`.

export const AUTO_REPLY_KIND = "inquiry.auto-reply";
export const PROPOSAL_EMAIL_KIND = "proposal.sent";
// Both go as the outbox's "contract.sent": when it is sent, and when the studio re-sends it.
export const CONTRACT_EMAIL_KIND = "contract.sent";
export const CONTRACT_REMINDER_KIND = "contract.reminder";
export const INVOICE_EMAIL_KIND = "invoice.sent";
export const QUESTIONNAIRE_EMAIL_KIND = "questionnaire.sent";
export const RECEIPT_EMAIL_KIND = "payment.receipt";
// Both go as the outbox's "installment.reminder": before or on the due day, and after it.
export const REMINDER_EMAIL_KIND = "installment.reminder";
export const OVERDUE_EMAIL_KIND = "installment.overdue";

export const EDITABLE_EMAIL_KINDS = [
  AUTO_REPLY_KIND,
  PROPOSAL_EMAIL_KIND,
  CONTRACT_EMAIL_KIND,
  CONTRACT_REMINDER_KIND,
  INVOICE_EMAIL_KIND,
  RECEIPT_EMAIL_KIND,
  REMINDER_EMAIL_KIND,
  OVERDUE_EMAIL_KIND,
  QUESTIONNAIRE_EMAIL_KIND,
] as const;
export type EditableEmailKind = (typeof EDITABLE_EMAIL_KINDS)[number];

export type Wording = { subject: string; body: string };

export type EditableEmail = {
  kind: EditableEmailKind;
  /** Its page: /settings/emails/<slug> (the first is /settings/emails itself). */
  slug: string;
  /** "Inquiry auto-reply": the tab and the card. */
  title: string;
  /** "auto-reply": the save button says "Save Portraits by Test's auto-reply". */
  noun: string;
  /** When it goes, in a sentence for the settings page. */
  about: string;
  context: TemplateContextName;
  /** Whether a brand may turn it off (a proposal always goes with its link). */
  mayTurnOff: boolean;
  /** For one that cannot be turned off: "Sent with every proposal". */
  sentWith?: string;
  /** Fields the message must contain (the link the client opens). */
  requiredFields: readonly string[];
  defaults: Wording;
};

export const EDITABLE_EMAILS: Record<EditableEmailKind, EditableEmail> = {
  [AUTO_REPLY_KIND]: {
    kind: AUTO_REPLY_KIND,
    slug: "",
    title: "Inquiry auto-reply",
    noun: "auto-reply",
    about:
      "Sent within a minute of every inquiry from your inquiry page or website form, in the brand's name. Replies come to your own email address. Leads you enter yourself or import get no auto-reply.",
    context: "inquiry",
    mayTurnOff: true,
    requiredFields: [],
    defaults: {
      subject: "Thank you for your inquiry, {{client.first_name}}",
      body: [
        "Hi {{client.first_name}},",
        "Thank you for getting in touch with {{brand.name}} about your {{lead.event_type}}. Your message has reached us, and we will write back personally very soon.",
        "Warm regards,\n{{brand.name}}",
      ].join("\n\n"),
    },
  },
  [PROPOSAL_EMAIL_KIND]: {
    kind: PROPOSAL_EMAIL_KIND,
    slug: "proposal",
    title: "Proposal email",
    noun: "proposal email",
    about:
      "Sent when you send a proposal to a client, in the job's brand name, with the link the client opens to review, accept and sign. Replies come to your own email address.",
    context: "proposal",
    mayTurnOff: false,
    sentWith: "Sent with every proposal",
    requiredFields: ["proposal.link"],
    defaults: {
      subject: "Your proposal from {{studio.name}}: {{proposal.title}}",
      body: [
        "Hi {{client.name}},",
        "{{studio.name}} has sent you a proposal for {{job.title}}: {{proposal.title}}.\nTotal {{proposal.total}}, deposit {{proposal.deposit}}.",
        "{{proposal.contract_note}}",
        "Review and accept it here by {{proposal.expires}}:\n{{proposal.link}}",
      ].join("\n\n"),
    },
  },
  [CONTRACT_EMAIL_KIND]: {
    kind: CONTRACT_EMAIL_KIND,
    slug: "contract",
    title: "Contract email",
    noun: "contract email",
    about:
      "Sent when you send a contract on its own (a contract sent with a proposal goes with the proposal email), in the job's brand name, with the link where the client reads and signs it. Replies come to your own email address.",
    context: "contract",
    mayTurnOff: false,
    sentWith: "Sent with every contract",
    requiredFields: ["contract.link"],
    defaults: {
      subject: "Please sign your contract from {{studio.name}}: {{contract.title}}",
      body: [
        "Hi {{client.name}},",
        "{{studio.name}} has sent you a contract to sign for {{job.title}}: {{contract.title}}.\nRead it and sign it online, on your phone or computer, here:\n{{contract.link}}",
        "{{contract.expiry_note}} Once both sides have signed, you will receive the signed copy by email.",
      ].join("\n\n"),
    },
  },
  [CONTRACT_REMINDER_KIND]: {
    kind: CONTRACT_REMINDER_KIND,
    slug: "contract-reminder",
    title: "Contract reminder",
    noun: "contract reminder",
    about:
      "Sent when you re-send a contract the client has not signed yet, with a fresh link (the earlier one stops working). Replies come to your own email address.",
    context: "contract",
    mayTurnOff: false,
    sentWith: "Sent when you re-send a contract",
    requiredFields: ["contract.link"],
    defaults: {
      subject: "Reminder: please sign your contract from {{studio.name}}: {{contract.title}}",
      body: [
        "Hi {{client.name}},",
        "{{studio.name}} has sent you a contract to sign for {{job.title}}: {{contract.title}}.\nRead it and sign it online, on your phone or computer, here:\n{{contract.link}}",
        "{{contract.expiry_note}} Once both sides have signed, you will receive the signed copy by email.",
      ].join("\n\n"),
    },
  },
  [INVOICE_EMAIL_KIND]: {
    kind: INVOICE_EMAIL_KIND,
    slug: "invoice",
    title: "Invoice email",
    noun: "invoice email",
    about:
      "Sent when you send an invoice, in the job's brand name, with its payment schedule and the link where the client sees and pays it. Replies come to your own email address.",
    context: "invoice",
    mayTurnOff: false,
    sentWith: "Sent with every invoice",
    requiredFields: ["invoice.link"],
    defaults: {
      subject: "Invoice {{invoice.number}} from {{studio.name}}: {{invoice.title}}",
      body: [
        "Hi {{client.name}},",
        "{{studio.name}} has sent you invoice {{invoice.number}} for {{invoice.title}}, {{invoice.total}} in total.",
        "Payment schedule:\n{{invoice.schedule}}",
        "See the invoice and pay here:\n{{invoice.link}}",
      ].join("\n\n"),
    },
  },
  [RECEIPT_EMAIL_KIND]: {
    kind: RECEIPT_EMAIL_KIND,
    slug: "receipt",
    title: "Receipt",
    noun: "receipt",
    about:
      "Sent for every payment you record or the client makes by card, in the job's brand name. (A refund gets ShootQ's short note saying what was refunded.) Replies come to your own email address.",
    context: "receipt",
    mayTurnOff: false,
    sentWith: "Sent for every payment",
    requiredFields: [],
    defaults: {
      subject: "Receipt: {{payment.amount}} paid to {{studio.name}}",
      body: [
        "Hi {{client.name}},",
        "Thank you! {{studio.name}} received your payment of {{payment.amount}} ({{payment.method}}) on {{payment.date}} for invoice {{invoice.number}} ({{invoice.title}}).",
        "Paid so far: {{invoice.paid}} of {{invoice.total}}.\n{{invoice.balance_note}}",
        "Your invoice:\n{{invoice.link}}",
      ].join("\n\n"),
    },
  },
  [REMINDER_EMAIL_KIND]: {
    kind: REMINDER_EMAIL_KIND,
    slug: "reminder",
    title: "Payment reminder",
    noun: "payment reminder",
    about:
      "Sent before a payment is due and on its due day, on the days you chose in Getting paid, in the job's brand name. Replies come to your own email address.",
    context: "reminder",
    mayTurnOff: false,
    sentWith: "Sent on the reminder days you chose",
    requiredFields: ["invoice.link"],
    defaults: {
      subject: "Reminder: {{installment.amount}} {{installment.due_in}} for {{invoice.title}}",
      body: [
        "Hi {{client.name}},",
        "A friendly reminder from {{studio.name}}: your {{installment.label}} of {{installment.amount}} for {{invoice.title}} (invoice {{invoice.number}}) is {{installment.due_in}} ({{installment.due_date}}).",
        "See the invoice and pay here:\n{{invoice.link}}",
      ].join("\n\n"),
    },
  },
  [OVERDUE_EMAIL_KIND]: {
    kind: OVERDUE_EMAIL_KIND,
    slug: "overdue",
    title: "Overdue notice",
    noun: "overdue notice",
    about:
      "Sent when a payment is overdue, on the days you chose in Getting paid, in the job's brand name. Replies come to your own email address.",
    context: "reminder",
    mayTurnOff: false,
    sentWith: "Sent on the overdue days you chose",
    requiredFields: ["invoice.link"],
    defaults: {
      subject: "Overdue: {{installment.amount}} for {{invoice.title}}",
      body: [
        "Hi {{client.name}},",
        "Your {{installment.label}} of {{installment.amount}} for {{invoice.title}} (invoice {{invoice.number}}) was due on {{installment.due_date}} and is now {{installment.due_in}}.",
        "See the invoice and pay here:\n{{invoice.link}}",
      ].join("\n\n"),
    },
  },
  [QUESTIONNAIRE_EMAIL_KIND]: {
    kind: QUESTIONNAIRE_EMAIL_KIND,
    slug: "questionnaire",
    title: "Questionnaire email",
    noun: "questionnaire email",
    about:
      "Sent when you send a questionnaire to a job's client, in the job's brand name, with the link where they answer it (no account needed). Replies come to your own email address.",
    context: "questionnaire",
    mayTurnOff: false,
    sentWith: "Sent with every questionnaire",
    requiredFields: ["questionnaire.link"],
    defaults: {
      subject: "{{studio.name}}: {{questionnaire.title}}",
      body: [
        "Hi {{client.first_name}},",
        "{{studio.name}} has a few questions for you about {{job.title}}.\nYou can answer them here, save as you go, and submit when you're done:",
        "{{questionnaire.link}}",
        "No account is needed. Please keep this link to yourself.",
      ].join("\n\n"),
    },
  },
};

/** The editable email a settings path segment names ("" for /settings/emails), or undefined. */
export const editableEmailBySlug = (slug: string) => Object.values(EDITABLE_EMAILS).find((e) => e.slug === slug);

/** Where a studio edits one email: /settings/emails, or /settings/emails/<slug>. */
export const emailSettingsPath = (slug: string) => (slug ? `/settings/emails/${slug}` : "/settings/emails");
