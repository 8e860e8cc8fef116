// The smart fields a template may use, per context. A context is what a template is rendered
// against: contracts (and later emails about a job) use "job"; email templates add their own
// contexts here rather than a second engine. This file has no server dependencies: the editor's
// field picker imports it too.

export type TemplateField = {
  key: string;
  label: string;
  example: string;
  /** Empty by design for some records (no contract): a paragraph of only this field is then left out. */
  optional?: boolean;
};

export type TemplateContext = {
  label: string;
  fields: readonly TemplateField[];
  /** Whether the photographer may define `{{custom.<key>}}` fields, filled in before sending. */
  allowsCustomFields: boolean;
};

const CLIENT_FIELDS = [
  { key: "client.name", label: "Client name", example: "Grace Nguyen" },
  { key: "client.first_name", label: "Client first name", example: "Grace" },
] as const satisfies readonly TemplateField[];

/** Who is writing, and when: in every context. */
const SENDER_FIELDS = [
  { key: "brand.name", label: "Brand name", example: "Lumen & Lace Weddings" },
  { key: "studio.name", label: "Studio name", example: "Lumen & Lace Photography" },
  { key: "today", label: "Today's date", example: "Monday, March 1, 2027" },
] as const satisfies readonly TemplateField[];

/** Fields several contexts share, defined once. */
const JOB_TITLE = { key: "job.title", label: "Job title", example: "Nguyen–Walsh Wedding" } as const;
const JOB_DATE = { key: "job.date", label: "Job date", example: "Saturday, June 12, 2027" } as const;
const PROPOSAL_TOTAL = { key: "proposal.total", label: "Proposal total", example: "$5,800.00" } as const;
const PROPOSAL_DEPOSIT = { key: "proposal.deposit", label: "Proposal deposit", example: "$1,000.00" } as const;
const INVOICE_NUMBER = { key: "invoice.number", label: "Invoice number", example: "1042" } as const;
const INVOICE_TITLE = { key: "invoice.title", label: "Invoice title", example: "Full-Day Collection" } as const;
const INVOICE_TOTAL = { key: "invoice.total", label: "Invoice total", example: "$5,800.00" } as const;
const INVOICE_LINK = {
  key: "invoice.link",
  label: "Link to see and pay the invoice",
  example: "https://shootq.example/i/example-link",
} as const;

const JOB_FIELDS = [
  ...CLIENT_FIELDS,
  JOB_TITLE,
  JOB_DATE,
  { key: "event.location", label: "Event location", example: "Wave Hill, Bronx" },
  PROPOSAL_TOTAL,
  PROPOSAL_DEPOSIT,
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** An inquiry just received: what the auto-reply can say before anyone has read it. */
const INQUIRY_FIELDS = [
  ...CLIENT_FIELDS,
  { key: "lead.event_type", label: "Type of event", example: "wedding" },
  { key: "lead.event_date", label: "Event date", example: "Saturday, June 12, 2027" },
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** A proposal sent to its client: the job's fields, this proposal's, and the link the client opens. */
const PROPOSAL_FIELDS = [
  ...CLIENT_FIELDS,
  JOB_TITLE,
  JOB_DATE,
  { key: "proposal.title", label: "Proposal title", example: "Full-Day Collection" },
  PROPOSAL_TOTAL,
  PROPOSAL_DEPOSIT,
  { key: "proposal.expires", label: "Last day to accept", example: "Monday, March 15, 2027" },
  { key: "proposal.link", label: "Link to the proposal", example: "https://shootq.example/p/example-link" },
  {
    key: "proposal.contract_note",
    label: "Contract sentence (when it has one)",
    example:
      "It comes with a contract to sign, “Wedding Photography Agreement”: you accept the proposal and sign it in the same visit.",
    optional: true,
  },
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** An invoice sent to its client: its number, total, schedule and the link to pay. */
const INVOICE_FIELDS = [
  ...CLIENT_FIELDS,
  JOB_TITLE,
  INVOICE_NUMBER,
  INVOICE_TITLE,
  INVOICE_TOTAL,
  {
    key: "invoice.schedule",
    label: "Payment schedule (a line per payment)",
    example: "- Retainer: $1,000.00 due Mar 1, 2027\n- Balance: $4,800.00 due Sep 4, 2027",
  },
  INVOICE_LINK,
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** A payment received on an invoice: the receipt. */
const RECEIPT_FIELDS = [
  ...CLIENT_FIELDS,
  INVOICE_NUMBER,
  INVOICE_TITLE,
  INVOICE_TOTAL,
  { key: "payment.amount", label: "Amount paid", example: "$1,000.00" },
  { key: "payment.method", label: "How it was paid", example: "card" },
  { key: "payment.date", label: "Date paid", example: "Mar 1, 2027" },
  { key: "invoice.paid", label: "Paid so far", example: "$1,000.00" },
  {
    key: "invoice.balance_note",
    label: "What is left to pay, in a sentence",
    example: "Still to pay: $4,800.00.",
  },
  INVOICE_LINK,
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** An installment coming due, or overdue: the reminders the billing service sends. */
const REMINDER_FIELDS = [
  ...CLIENT_FIELDS,
  INVOICE_NUMBER,
  INVOICE_TITLE,
  { key: "installment.label", label: "Payment name", example: "balance" },
  { key: "installment.amount", label: "Amount still due", example: "$4,800.00" },
  { key: "installment.due_date", label: "Due date", example: "Sep 4, 2027" },
  { key: "installment.due_in", label: "When it is due", example: "due in 7 days" },
  INVOICE_LINK,
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** A contract sent to a job's client to sign (or its reminder). */
const CONTRACT_EMAIL_FIELDS = [
  ...CLIENT_FIELDS,
  JOB_TITLE,
  JOB_DATE,
  { key: "contract.title", label: "Contract title", example: "Wedding Photography Agreement" },
  { key: "contract.link", label: "Link to read and sign", example: "https://shootq.example/c/example-link" },
  {
    key: "contract.expiry_note",
    label: "Until when the link works, in a sentence (when it expires)",
    example: "The link works until Mar 15, 2027, 5:00 PM.",
    optional: true,
  },
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** A questionnaire sent to a job's client. */
const QUESTIONNAIRE_FIELDS = [
  ...CLIENT_FIELDS,
  JOB_TITLE,
  JOB_DATE,
  { key: "questionnaire.title", label: "Questionnaire title", example: "Wedding day details" },
  {
    key: "questionnaire.link",
    label: "Link to the questionnaire",
    example: "https://shootq.example/q/example-link",
  },
  ...SENDER_FIELDS,
] as const satisfies readonly TemplateField[];

/** An email written on a client's own page: who they are and who writes. */
const CLIENT_EMAIL_FIELDS = [...CLIENT_FIELDS, ...SENDER_FIELDS] as const satisfies readonly TemplateField[];

export const TEMPLATE_CONTEXTS = {
  client: { label: "A client", fields: CLIENT_EMAIL_FIELDS, allowsCustomFields: false },
  job: { label: "A job and its client", fields: JOB_FIELDS, allowsCustomFields: true },
  inquiry: { label: "An inquiry just received", fields: INQUIRY_FIELDS, allowsCustomFields: false },
  proposal: { label: "A proposal sent to its client", fields: PROPOSAL_FIELDS, allowsCustomFields: false },
  invoice: { label: "An invoice sent to its client", fields: INVOICE_FIELDS, allowsCustomFields: false },
  contract: { label: "A contract sent to sign", fields: CONTRACT_EMAIL_FIELDS, allowsCustomFields: false },
  receipt: { label: "A payment received", fields: RECEIPT_FIELDS, allowsCustomFields: false },
  reminder: { label: "An installment coming due or overdue", fields: REMINDER_FIELDS, allowsCustomFields: false },
  questionnaire: {
    label: "A questionnaire sent to its client",
    fields: QUESTIONNAIRE_FIELDS,
    allowsCustomFields: false,
  },
} as const satisfies Record<string, TemplateContext>;

export type TemplateContextName = keyof typeof TEMPLATE_CONTEXTS;
export type JobFieldKey = (typeof JOB_FIELDS)[number]["key"];
export type ProposalFieldKey = (typeof PROPOSAL_FIELDS)[number]["key"];
export type InvoiceFieldKey = (typeof INVOICE_FIELDS)[number]["key"];
export type ContractEmailFieldKey = (typeof CONTRACT_EMAIL_FIELDS)[number]["key"];
export type ReceiptFieldKey = (typeof RECEIPT_FIELDS)[number]["key"];
export type ReminderFieldKey = (typeof REMINDER_FIELDS)[number]["key"];
export type QuestionnaireFieldKey = (typeof QUESTIONNAIRE_FIELDS)[number]["key"];

export const CUSTOM_PREFIX = "custom.";
/** A custom field's own name: `{{custom.second_shooter}}`. */
export const CUSTOM_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export const isCustomField = (key: string) => key.startsWith(CUSTOM_PREFIX);
export const customFieldName = (key: string) => key.slice(CUSTOM_PREFIX.length);

/** "second_shooter" -> "Second shooter", the label beside its input. */
export function customFieldLabel(name: string): string {
  const words = name.replace(/_+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(context: TemplateContextName, key: string): string {
  if (isCustomField(key)) return customFieldLabel(customFieldName(key));
  return TEMPLATE_CONTEXTS[context].fields.find((f) => f.key === key)?.label ?? key;
}

/** How a field is written in a template. */
export const fieldToken = (key: string) => `{{${key}}}`;
