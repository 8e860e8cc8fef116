import { type TemplateContextName } from "@/lib/templates/fields";

// The emails a studio writes itself, per brand (Settings → Emails). Each is an outbox kind
// (lib/email/kinds) whose wording comes from the brand's EmailTemplate row of that kind, or from
// the default below until the photographer writes their own. A new one is a line here, a context
// in lib/templates/fields.ts and its kind rendering through `findEmailWording`.

export const AUTO_REPLY_KIND = "inquiry.auto-reply";
export const PROPOSAL_EMAIL_KIND = "proposal.sent";
export const INVOICE_EMAIL_KIND = "invoice.sent";
export const QUESTIONNAIRE_EMAIL_KIND = "questionnaire.sent";

export const EDITABLE_EMAIL_KINDS = [
  AUTO_REPLY_KIND,
  PROPOSAL_EMAIL_KIND,
  INVOICE_EMAIL_KIND,
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
