import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { primaryDb, type Tx } from "@/lib/db";
import {
  CONTRACT_EMAIL_KIND,
  CONTRACT_REMINDER_KIND,
  INVOICE_EMAIL_KIND,
  OVERDUE_EMAIL_KIND,
  PROPOSAL_EMAIL_KIND,
  QUESTIONNAIRE_EMAIL_KIND,
  RECEIPT_EMAIL_KIND,
  REMINDER_EMAIL_KIND,
} from "@/lib/email-templates/editable";
import { saveEmailTemplate, sendEmailTemplateTest } from "@/lib/email-templates/mutations";
import { previewOnLatest } from "@/lib/email-templates/latest-preview";
import { findEmailTemplateSettings } from "@/lib/email-templates/queries";
import { saveEmailTemplateSchema, testEmailTemplateSchema } from "@/lib/email-templates/schemas";
import { renderOutboxEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { createInvoice, sendInvoice } from "@/lib/invoices/mutations";
import { createInvoiceSchema, recordPaymentSchema } from "@/lib/invoices/schemas";
import { recordPayment } from "@/lib/payments/mutations";
import { createProposal, sendProposal } from "@/lib/proposals/mutations";
import { createProposalSchema } from "@/lib/proposals/schemas";
import { sendQuestionnaire } from "@/lib/questionnaires/mutations";
import { linkToken } from "@/lib/tokens";
import { createJob, createQuestionnaireTemplate, createStudio } from "@/prisma/factories";

const db = () => primaryDb();
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn);
const NOW = new Date("2027-03-01T15:00:00Z");

/** An outbox row rendered exactly as the worker sends it. */
async function rendered(row: { kind: string; studioId: string | null; params: unknown }) {
  const email = await inTx((tx) => renderOutboxEmail(tx, row, { origin: "https://app.shootq.test" }));
  if (!email.ok) throw new Error(email.reason);
  return email;
}

async function setup() {
  const { studio, owner, brands } = await createStudio(db(), {
    timeZone: "America/New_York",
    brands: ["Lumen & Lace Weddings", "Northlight Portraits"],
  });
  const jobFor = (brandId: string, name: string) =>
    createJob(db(), {
      studioId: studio.id,
      brandId,
      title: `${name} Wedding`,
      date: new Date("2027-06-12T00:00:00Z"),
      status: "LEAD",
      contact: { name: `${name} Rossi`, email: `${name.toLowerCase()}-${studio.id}@example.com` },
    });
  return { studio, owner, brands, jobFor };
}

const save = (studioId: string, fields: Record<string, string | undefined>) =>
  inTx((tx) =>
    saveEmailTemplate(tx, { studioId, input: saveEmailTemplateSchema.parse({ kind: PROPOSAL_EMAIL_KIND, ...fields }) }),
  );

/** The newest email of `kind` queued in the studio, rendered as the worker sends it. */
async function newest(studioId: string, kind: string) {
  const row = await db().emailMessage.findFirstOrThrow({ where: { studioId, kind }, orderBy: { createdAt: "desc" } });
  return { row, email: await rendered(row) };
}

/** Creates and sends a proposal for the job; returns its email as the worker would send it, and the link's token. */
async function sendOne(studioId: string, jobId: string) {
  const input = createProposalSchema.parse({
    jobId,
    title: "Full-Day Collection",
    description: ["Eight hours of coverage"],
    quantity: ["1"],
    unitPrice: ["4,500"],
    deposit: "1000",
    expiresOn: "2027-03-15",
    currency: "USD",
    locale: "en-US",
  });
  const { id } = await inTx((tx) => createProposal(tx, { studioId, input, now: NOW }));
  const { token } = await inTx((tx) => sendProposal(tx, { studioId, proposalId: id, now: NOW }));
  const row = await db().emailMessage.findFirstOrThrow({
    where: { studioId, kind: PROPOSAL_EMAIL_KIND, params: { equals: { proposalId: id } } },
  });
  return { email: await rendered(row), row, token };
}

describe("a brand's proposal email", () => {
  it("goes in the brand's own words, with the proposal's values and its link; the other brand keeps ShootQ's wording", async () => {
    const { studio, brands, jobFor } = await setup();
    await save(studio.id, {
      brandId: brands[0].id,
      subject: "{{client.first_name}}, your {{brand.name}} proposal is ready",
      body: [
        "Dear {{client.first_name}},",
        "Here is {{proposal.title}} for {{job.date}}: {{proposal.total}} in all, {{proposal.deposit}} to book.",
        "{{proposal.contract_note}}",
        "Open it by {{proposal.expires}}: {{proposal.link}}",
      ].join("\n\n"),
    });

    const own = await sendOne(studio.id, (await jobFor(brands[0].id, "Isabella")).id);
    // The subject kept for /emails is the personalised one.
    expect(own.row.subject).toBe("Isabella, your Lumen & Lace Weddings proposal is ready");
    expect(own.email.sender).toBe("Lumen & Lace Weddings");
    expect(own.email.text).toContain(
      "Here is Full-Day Collection for Saturday, June 12, 2027: $4,500.00 in all, $1,000.00 to book.",
    );
    expect(own.email.text).toContain(`Open it by Monday, March 15, 2027: https://app.shootq.test/p/${own.token}`);
    expect(own.email.text).toContain(`/p/${own.token}`);
    // No contract: its sentence and its paragraph are left out, not shown as a gap.
    expect(own.email.text).not.toMatch(/contract|\[/i);
    // The link is a link in the HTML part.
    expect(own.email.html).toMatch(new RegExp(`<a [^>]*href="[^"]*/p/${own.token}"`));

    const other = await sendOne(studio.id, (await jobFor(brands[1].id, "Marco")).id);
    expect(other.row.subject).toBe(`Your proposal from ${studio.name}: Full-Day Collection`);
    expect(other.email.sender).toBe("Northlight Portraits");
    expect(other.email.text).toContain("Hi Marco Rossi,");
    expect(other.email.text).toContain(`/p/${other.token}`);

    const settings = await inTx((tx) =>
      findEmailTemplateSettings(tx, { studioId: studio.id, kind: PROPOSAL_EMAIL_KIND }),
    );
    expect(settings.map((s) => [s.brandName, s.isEnabled, s.isCustomised])).toEqual([
      ["Lumen & Lace Weddings", true, true],
      ["Northlight Portraits", true, false],
    ]);
  });

  it("refuses a message without the proposal's link or with a field proposals do not have, saving nothing", async () => {
    const { studio, brands } = await setup();
    const attempt = save(studio.id, {
      brandId: brands[0].id,
      subject: "About your {{lead.event_type}}",
      body: "Hi {{client.first_name}}, your proposal is on its way.",
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e: AppError) => e)) as AppError;
    expect(error.fieldErrors.subject?.[0]).toMatch(/Unknown field \{\{lead\.event_type\}\}/);
    expect(error.fieldErrors.body).toEqual([
      "The message must include {{proposal.link}}, or your client cannot open it.",
    ]);
    expect(await db().emailTemplate.count({ where: { studioId: studio.id } })).toBe(0);
  });

  it("cannot be turned off: saved without the checkbox it stays on, and every proposal still goes", async () => {
    const { studio, brands, jobFor } = await setup();
    expect(await save(studio.id, { brandId: brands[0].id, subject: "Yours", body: "{{proposal.link}}" })).toEqual({
      isEnabled: true,
    });
    const { email, token } = await sendOne(studio.id, (await jobFor(brands[0].id, "Isabella")).id);
    expect(email.subject).toBe("Yours");
    expect(email.text).toContain(`/p/${token}`);
  });

  it("sends a test with example values to the member who asked", async () => {
    const { studio, owner, brands } = await setup();
    const input = testEmailTemplateSchema.parse({
      kind: PROPOSAL_EMAIL_KIND,
      brandId: brands[1].id,
      subject: "{{proposal.title}} for {{client.first_name}}",
      body: "Total {{proposal.total}}.\n\n{{proposal.link}}",
    });
    await inTx((tx) => sendEmailTemplateTest(tx, { studioId: studio.id, userId: owner.id, input }));
    const row = await db().emailMessage.findFirstOrThrow({ where: { to: owner.email, kind: "template.test" } });
    const sent = await rendered(row);
    expect(sent.subject).toBe("[Test] Full-Day Collection for Grace");
    expect(sent.text).toContain("Total $5,800.00.");
    expect(sent.sender).toBe("Northlight Portraits");
    expect(await db().emailTemplate.count({ where: { studioId: studio.id } })).toBe(0);
  });
});

/** A $4,500 invoice for the job, sent; its id and link token. */
async function sentInvoice(studioId: string, jobId: string) {
  const input = createInvoiceSchema.parse({
    jobId,
    title: "Wedding Collection",
    description: ["Eight hours of coverage"],
    quantity: ["1"],
    unitPrice: ["4,500"],
    taxRate: [""],
    currency: "USD",
    locale: "en-US",
  });
  const { id } = await inTx((tx) => createInvoice(tx, { studioId, input, now: NOW }));
  const { token } = await inTx((tx) => sendInvoice(tx, { studioId, invoiceId: id, now: NOW }));
  return { invoiceId: id, token };
}

describe("a brand's invoice and questionnaire emails", () => {
  it("send an invoice in the brand's words, its schedule a line per payment and its link a link", async () => {
    const { studio, brands, jobFor } = await setup();
    await save(studio.id, {
      kind: INVOICE_EMAIL_KIND,
      brandId: brands[0].id,
      subject: "{{brand.name}} invoice {{invoice.number}} for {{client.first_name}}",
      body: "Dear {{client.first_name}},\n\n{{invoice.total}} for {{job.title}}, as agreed:\n{{invoice.schedule}}\n\nPay here: {{invoice.link}}",
    });
    const { token } = await sentInvoice(studio.id, (await jobFor(brands[0].id, "Isabella")).id);

    const { row, email } = await newest(studio.id, INVOICE_EMAIL_KIND);
    expect(row.subject).toMatch(/^Lumen & Lace Weddings invoice \d+ for Isabella$/);
    expect(email.sender).toBe("Lumen & Lace Weddings");
    expect(email.text).toMatch(/\$4,500\.00 for Isabella Wedding, as agreed:\n- .+: \$[\d,.]+ due \w{3} \d+, \d{4}/);
    expect(email.text).toContain(`Pay here: https://app.shootq.test/i/${token}`);
    expect(email.html).toMatch(new RegExp(`<a [^>]*href="[^"]*/i/${token}"`));
  });

  it("send a questionnaire in the brand's words; a message without its link is refused", async () => {
    const { studio, brands, jobFor } = await setup();
    const refused = save(studio.id, {
      kind: QUESTIONNAIRE_EMAIL_KIND,
      brandId: brands[1].id,
      subject: "A few questions",
      body: "Please answer {{questionnaire.title}}.",
    });
    await expect(refused).rejects.toMatchObject({
      fieldErrors: { body: ["The message must include {{questionnaire.link}}, or your client cannot open it."] },
    });
    await save(studio.id, {
      kind: QUESTIONNAIRE_EMAIL_KIND,
      brandId: brands[1].id,
      subject: "{{client.first_name}}, tell us about {{job.date}}",
      body: "Please fill in {{questionnaire.title}}:\n{{questionnaire.link}}",
    });
    const job = await jobFor(brands[1].id, "Marco");
    const template = await createQuestionnaireTemplate(db(), { studioId: studio.id, name: "Portrait day details" });
    const sent = await inTx((tx) =>
      sendQuestionnaire(tx, { studioId: studio.id, jobId: job.id, templateId: template.id }),
    );

    const { row, email } = await newest(studio.id, QUESTIONNAIRE_EMAIL_KIND);
    expect(row.subject).toBe("Marco, tell us about Saturday, June 12, 2027");
    expect(email.sender).toBe("Northlight Portraits");
    expect(email.text).toBe(`Please fill in Portrait day details:\nhttps://app.shootq.test/q/${sent.token}`);
  });
});

describe("a brand's receipt and payment reminders", () => {
  it("a payment's receipt goes in the brand's words; a refund gets ShootQ's note", async () => {
    const { studio, owner, brands, jobFor } = await setup();
    await save(studio.id, {
      kind: RECEIPT_EMAIL_KIND,
      brandId: brands[0].id,
      subject: "Got it, {{client.first_name}}: {{payment.amount}}",
      body: "Thank you for your {{payment.method}} of {{payment.amount}} on {{payment.date}}.\n\n{{invoice.balance_note}} {{invoice.link}}",
    });
    const { invoiceId, token } = await sentInvoice(studio.id, (await jobFor(brands[0].id, "Isabella")).id);
    const pay = (amount: string, kind: "PAYMENT" | "REFUND") =>
      inTx((tx) =>
        recordPayment(tx, {
          studioId: studio.id,
          userId: owner.id,
          input: recordPaymentSchema.parse({
            invoiceId,
            kind,
            method: "CHECK",
            amount,
            receivedOn: "2027-03-01",
            currency: "USD",
            locale: "en-US",
          }),
          now: NOW,
        }),
      );
    await pay("1000", "PAYMENT");
    const receipt = await newest(studio.id, "payment.receipt");
    expect(receipt.row.subject).toBe("Got it, Isabella: $1,000.00");
    expect(receipt.email.sender).toBe("Lumen & Lace Weddings");
    expect(receipt.email.text).toBe(
      `Thank you for your check of $1,000.00 on Mar 1, 2027.\n\nStill to pay: $3,500.00. https://app.shootq.test/i/${token}`,
    );

    await pay("200", "REFUND");
    const refund = await newest(studio.id, "payment.receipt");
    expect(refund.row.subject).toBe(`Refund of $200.00 from ${studio.name}`);
    expect(refund.email.text).toContain("Still to pay: $3,700.00.");
  });

  it("a reminder before the due day and an overdue notice after it each go in the brand's words", async () => {
    const { studio, brands, jobFor } = await setup();
    await save(studio.id, {
      kind: REMINDER_EMAIL_KIND,
      brandId: brands[1].id,
      subject: "Coming up: {{installment.amount}} {{installment.due_in}}",
      body: "Your {{installment.label}} is {{installment.due_in}} ({{installment.due_date}}): {{invoice.link}}",
    });
    await save(studio.id, {
      kind: OVERDUE_EMAIL_KIND,
      brandId: brands[1].id,
      subject: "Still open: {{installment.amount}}",
      body: "Your {{installment.label}} is {{installment.due_in}}. {{invoice.link}}",
    });
    const { invoiceId, token } = await sentInvoice(studio.id, (await jobFor(brands[1].id, "Marco")).id);
    const installment = await db().installment.findFirstOrThrow({ where: { invoiceId, studioId: studio.id } });
    const reminderEmail = async (offsetDays: number) => {
      const reminder = await db().reminder.create({
        data: { studioId: studio.id, installmentId: installment.id, offsetDays },
      });
      return rendered({
        kind: "installment.reminder",
        studioId: studio.id,
        params: { reminderId: reminder.id, daysFromDue: offsetDays },
      });
    };
    const label = installment.label.toLowerCase();
    const soon = await reminderEmail(-7);
    expect(soon.subject).toBe("Coming up: $4,500.00 due in 7 days");
    expect(soon.sender).toBe("Northlight Portraits");
    expect(soon.text).toMatch(
      new RegExp(`^Your ${label} is due in 7 days \\(\\w{3} \\d+, \\d{4}\\): https://app.shootq.test/i/${token}$`),
    );
    const late = await reminderEmail(3);
    expect(late.subject).toBe("Still open: $4,500.00");
    expect(late.text).toBe(`Your ${label} is 3 days overdue. https://app.shootq.test/i/${token}`);
  });
});

describe("a brand's contract email and contract reminder", () => {
  it("sends a contract and its re-send each in the brand's words, the expiry sentence left out when the link does not expire", async () => {
    const { studio, brands, jobFor } = await setup();
    await save(studio.id, {
      kind: CONTRACT_EMAIL_KIND,
      brandId: brands[0].id,
      subject: "{{contract.title}} for {{client.first_name}}",
      body: "Sign here: {{contract.link}}\n\n{{contract.expiry_note}}",
    });
    await save(studio.id, {
      kind: CONTRACT_REMINDER_KIND,
      brandId: brands[0].id,
      subject: "Nudge: {{contract.title}}",
      body: "Still to sign: {{contract.link}}",
    });
    const job = await jobFor(brands[0].id, "Isabella");
    const contract = await db().contract.create({
      data: {
        studioId: studio.id,
        jobId: job.id,
        title: "Portrait Agreement",
        body: "<p>Terms</p>",
        html: "<p>Terms</p>",
        status: "SENT",
        tokenHash: randomUUID(),
        linkVersion: 2,
      },
    });
    const email = (isReminder: boolean) =>
      rendered({ kind: "contract.sent", studioId: studio.id, params: { contractId: contract.id, isReminder } });
    const token = linkToken("contract", contract.id, 2);
    const first = await email(false);
    expect(first.subject).toBe("Portrait Agreement for Isabella");
    expect(first.sender).toBe("Lumen & Lace Weddings");
    expect(first.text).toBe(`Sign here: https://app.shootq.test/c/${token}`);
    const again = await email(true);
    expect(again.subject).toBe("Nudge: Portrait Agreement");
    expect(again.text).toBe(`Still to sign: https://app.shootq.test/c/${token}`);
  });
});

describe("a brand's email previewed on its latest record", () => {
  it("reads exactly as the client got it, for that brand's last proposal; a brand with none has no such preview", async () => {
    const { studio, brands, jobFor } = await setup();
    await save(studio.id, {
      brandId: brands[0].id,
      subject: "{{client.first_name}}, your {{brand.name}} proposal is ready",
      body: "Dear {{client.first_name}},\n\n{{proposal.title}}: {{proposal.total}}.\n\n{{proposal.link}}",
    });
    await sendOne(studio.id, (await jobFor(brands[0].id, "Chiara")).id);
    const last = await sendOne(studio.id, (await jobFor(brands[0].id, "Isabella")).id);

    const preview = await inTx((tx) =>
      previewOnLatest(tx, {
        studioId: studio.id,
        brandId: brands[0].id,
        kind: PROPOSAL_EMAIL_KIND,
        origin: "https://app.shootq.test",
      }),
    );
    expect(preview?.about).toBe("the proposal Full-Day Collection for Isabella Rossi");
    expect(preview?.email.subject).toBe("Isabella, your Lumen & Lace Weddings proposal is ready");
    expect(preview?.email.text).toBe(last.email.text);

    // The other brand has sent nothing; and no studio sees another's records.
    const none = await inTx((tx) =>
      previewOnLatest(tx, {
        studioId: studio.id,
        brandId: brands[1].id,
        kind: PROPOSAL_EMAIL_KIND,
        origin: "https://app.shootq.test",
      }),
    );
    expect(none).toBeNull();
    const other = await createStudio(db());
    const foreign = await inTx((tx) =>
      previewOnLatest(tx, {
        studioId: other.studio.id,
        brandId: brands[0].id,
        kind: PROPOSAL_EMAIL_KIND,
        origin: "https://app.shootq.test",
      }),
    );
    expect(foreign).toBeNull();
  });
});
