import { type EditableEmailKind } from "@/lib/email-templates/editable";
import { type RenderedEmail } from "@/lib/email/kind";
import { type EmailKindName, type EmailKindParams, renderKind } from "@/lib/email/kinds";
import { modelsOf, type Reader } from "@/lib/reader";

// "On your latest proposal to Grace Nguyen": a brand's wording of an email rendered by the very
// kind that sends it, for the last record of that brand it went (or would go) with. No value is
// worked out twice: the kind reads the record as it does at send time.

type Where = { studioId: string; brandId: string };
type Latest = {
  about: string;
  render: (ctx: { db: Reader; origin: string; studioId: string }) => Promise<RenderedEmail | null>;
};

const jobOf = (brandId: string) => ({ job: { brandId } });
const named = (title: string, client: string) => `${title} for ${client}`;
const CLIENT = { job: { select: { contact: { select: { name: true } } } } } as const;

const send =
  <K extends EmailKindName>(kind: K, params: EmailKindParams<K>) =>
  ({ db, origin, studioId }: { db: Reader; origin: string; studioId: string }) =>
    // A kind's render only reads: on a page's read host as in the worker's transaction.
    renderKind(kind, { tx: modelsOf(db), origin, studioId }, params);

/** The last record of a brand each editable email went with, as the kind that sends it takes it. */
const LATEST: Record<EditableEmailKind, (db: Reader, where: Where) => Promise<Latest | null>> = {
  "inquiry.auto-reply": async (db, { studioId, brandId }) => {
    const lead = await modelsOf(db).lead.findFirst({
      where: { studioId, brandId, source: "inquiry" },
      orderBy: { createdAt: "desc" },
      select: { id: true, name: true },
    });
    return lead && { about: `the inquiry from ${lead.name}`, render: send("inquiry.auto-reply", { leadId: lead.id }) };
  },
  "proposal.sent": async (db, { studioId, brandId }) => {
    const proposal = await modelsOf(db).proposal.findFirst({
      where: { studioId, status: { not: "DRAFT" }, ...jobOf(brandId) },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, ...CLIENT },
    });
    return (
      proposal && {
        about: `the proposal ${named(proposal.title, proposal.job.contact.name)}`,
        render: send("proposal.sent", { proposalId: proposal.id }),
      }
    );
  },
  "contract.sent": (db, where) => latestContract(db, where, false),
  "contract.reminder": (db, where) => latestContract(db, where, true),
  "invoice.sent": async (db, { studioId, brandId }) => {
    const invoice = await modelsOf(db).invoice.findFirst({
      where: { studioId, status: { notIn: ["DRAFT", "VOID"] }, ...jobOf(brandId) },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, ...CLIENT },
    });
    return (
      invoice && {
        about: `the invoice ${named(invoice.title, invoice.job.contact.name)}`,
        render: send("invoice.sent", { invoiceId: invoice.id }),
      }
    );
  },
  "payment.receipt": async (db, { studioId, brandId }) => {
    const payment = await modelsOf(db).payment.findFirst({
      where: { studioId, kind: "PAYMENT", invoice: jobOf(brandId) },
      orderBy: { receivedAt: "desc" },
      select: { id: true, invoice: { select: { title: true, ...CLIENT } } },
    });
    return (
      payment && {
        about: `the last payment, on ${named(payment.invoice.title, payment.invoice.job.contact.name)}`,
        render: send("payment.receipt", { paymentId: payment.id }),
      }
    );
  },
  "installment.reminder": (db, where) => latestReminder(db, where, false),
  "installment.overdue": (db, where) => latestReminder(db, where, true),
  "questionnaire.sent": async (db, { studioId, brandId }) => {
    const questionnaire = await modelsOf(db).questionnaire.findFirst({
      where: { studioId, ...jobOf(brandId) },
      orderBy: { sentAt: "desc" },
      select: { id: true, title: true, ...CLIENT },
    });
    return (
      questionnaire && {
        about: `the questionnaire ${named(questionnaire.title, questionnaire.job.contact.name)}`,
        render: send("questionnaire.sent", { questionnaireId: questionnaire.id }),
      }
    );
  },
};

async function latestContract(db: Reader, { studioId, brandId }: Where, isReminder: boolean): Promise<Latest | null> {
  const contract = await modelsOf(db).contract.findFirst({
    where: { studioId, status: { in: ["SENT", "VIEWED"] }, tokenHash: { not: null }, ...jobOf(brandId) },
    orderBy: { sentAt: "desc" },
    select: { id: true, title: true, ...CLIENT },
  });
  return (
    contract && {
      about: `the contract ${named(contract.title, contract.job.contact.name)}`,
      render: send("contract.sent", { contractId: contract.id, isReminder }),
    }
  );
}

/** A reminder before or on the due day, or an overdue notice after it, of an installment still to pay. */
async function latestReminder(db: Reader, { studioId, brandId }: Where, overdue: boolean): Promise<Latest | null> {
  const reminder = await modelsOf(db).reminder.findFirst({
    where: {
      studioId,
      offsetDays: overdue ? { gt: 0 } : { lte: 0 },
      installment: {
        status: { not: "PAID" },
        invoice: { status: { in: ["SENT", "PARTIALLY_PAID"] }, ...jobOf(brandId) },
      },
    },
    orderBy: { sentAt: "desc" },
    select: { id: true, offsetDays: true, installment: { select: { label: true, invoice: { select: CLIENT } } } },
  });
  return (
    reminder && {
      about: `${reminder.installment.invoice.job.contact.name}'s ${reminder.installment.label}`,
      render: send("installment.reminder", { reminderId: reminder.id, daysFromDue: reminder.offsetDays }),
    }
  );
}

export type LatestPreview = { about: string; email: RenderedEmail };

/**
 * The brand's email as it reads for its latest record (its last proposal, payment, …), or null
 * when the brand has none yet or has turned the email off.
 */
export async function previewOnLatest(
  db: Reader,
  { studioId, brandId, kind, origin }: Where & { kind: EditableEmailKind; origin: string },
): Promise<LatestPreview | null> {
  const latest = await LATEST[kind](db, { studioId, brandId });
  if (!latest) return null;
  const email = await latest.render({ db, origin, studioId });
  return email && { about: latest.about, email };
}
