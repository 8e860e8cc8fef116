import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { normalizeEmail } from "@/lib/contacts/email-key";
import { type MergeContactsInput, type UpdateContactInput } from "@/lib/contacts/schemas";
import { queueWebhookEvent } from "@/lib/webhooks/outbox";
import { Prisma } from "@/prisma/generated/prisma/client";

type Tenant = { studioId: string };

/**
 * A client's name and email show on their jobs, leads, invoices and the lists of those, and the
 * dashboard names them: every page an edit or merge changes (a pin on "/jobs" covers each job's page).
 */
export const PAGES_A_CLIENT_CHANGES = [
  "/clients",
  "/jobs",
  "/leads",
  "/invoices",
  "/dashboard",
  "/calendar",
  "/bookings",
];

export async function requireContactId(
  tx: Tx,
  { studioId, contactId }: Tenant & { contactId: string },
): Promise<string> {
  const contact = await tx.contact.findFirst({ where: { id: contactId, studioId }, select: { id: true } });
  if (!contact)
    throw new AppError("NOT_FOUND", "That client was not found.", { contactId: ["Choose one of your clients."] });
  return contact.id;
}

/**
 * The studio's client with this email, created when there is none: converting a lead, an
 * inquiry, a new job, an accepted referral all come here, so a returning client stays one
 * person. Insert-or-nothing on the (studioId, emailNormalized) unique index: of two
 * transactions adding the same address at once, the second waits for the first and then finds
 * its row, where a look-then-insert would make two clients. A client without an email is
 * always new. A phone the existing client lacks is filled in; nothing else is overwritten.
 * `importId` tags a client an import creates (its undo removes it); `details` are the address and
 * notes a new client starts with.
 */
export async function ensureContact(
  tx: Tx,
  {
    studioId,
    name,
    email,
    phone,
    importId = null,
    details = {},
  }: Tenant & {
    name: string;
    email: string | null;
    phone: string | null;
    importId?: string | null;
    details?: { address?: string | null; notes?: string | null };
  },
): Promise<{ id: string; isNew: boolean }> {
  const emailNormalized = normalizeEmail(email);
  if (!emailNormalized) {
    const created = await tx.contact.create({
      data: { studioId, name, email: null, phone, importId, ...details },
      select: { id: true },
    });
    await queueClientCreated(tx, { studioId, contactId: created.id });
    return { id: created.id, isNew: true };
  }
  const { count } = await tx.contact.createMany({
    data: [{ studioId, name, email: email!.trim(), emailNormalized, phone, importId, ...details }],
    skipDuplicates: true,
  });
  const contact = await tx.contact.findFirstOrThrow({
    where: { studioId, emailNormalized },
    select: { id: true, phone: true },
  });
  if (count === 0 && !contact.phone && phone)
    await tx.contact.updateMany({ where: { id: contact.id, studioId }, data: { phone } });
  if (count === 1) await queueClientCreated(tx, { studioId, contactId: contact.id });
  return { id: contact.id, isNew: count === 1 };
}

/** The `client.created` webhook: every client is created by ensureContact, whatever the path. */
async function queueClientCreated(tx: Tx, { studioId, contactId }: Tenant & { contactId: string }) {
  await queueWebhookEvent(tx, {
    studioId,
    type: "client.created",
    data: async () => {
      const client = await tx.contact.findFirstOrThrow({
        where: { id: contactId, studioId },
        select: { id: true, name: true, email: true, phone: true, createdAt: true },
      });
      return { ...client, createdAt: client.createdAt.toISOString() };
    },
  });
}

async function otherWithEmail(
  tx: Tx,
  { studioId, contactId, emailNormalized }: Tenant & { contactId: string; emailNormalized: string },
) {
  return tx.contact.findFirst({
    where: { studioId, emailNormalized, id: { not: contactId } },
    select: { id: true, name: true },
  });
}

/** Name, email, phone, address and notes as the photographer typed them. */
export async function updateContact(tx: Tx, { studioId, input }: Tenant & { input: UpdateContactInput }) {
  const contactId = await requireContactId(tx, { studioId, contactId: input.contactId });
  const emailNormalized = normalizeEmail(input.email);
  if (emailNormalized) {
    const other = await otherWithEmail(tx, { studioId, contactId, emailNormalized });
    if (other) {
      throw new AppError("CONFLICT", "Another client has this email.", {
        email: [
          `${other.name} already has this email address. If they are the same person, merge the two clients instead.`,
        ],
      });
    }
  }
  await tx.contact.updateMany({
    where: { id: contactId, studioId },
    data: {
      name: input.name,
      email: input.email,
      emailNormalized,
      phone: input.phone,
      address: input.address,
      notes: input.notes,
    },
  });
  return { id: contactId };
}

const MERGE_SELECT = {
  id: true,
  name: true,
  email: true,
  emailNormalized: true,
  phone: true,
  address: true,
  notes: true,
} as const;

/**
 * Folds a duplicate into the client kept: its jobs and leads move over, an email, phone or
 * address the kept client lacks is taken from it, and its own details go into the notes, so
 * nothing about the person is lost. One transaction: it happens entirely or not at all.
 */
export async function mergeContacts(
  tx: Tx,
  { studioId, input, now = new Date() }: Tenant & { input: MergeContactsInput; now?: Date },
) {
  if (input.contactId === input.duplicateId) {
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      duplicateId: ["Choose a different client to merge into this one."],
    });
  }
  // Both rows locked in id order, so two merges of the same pair cannot interleave or deadlock.
  const ids = [input.contactId, input.duplicateId].sort();
  await tx.$queryRaw`SELECT id FROM "Contact" WHERE id IN (${Prisma.join(ids)}) AND "studioId" = ${studioId} ORDER BY id FOR UPDATE`;
  // One statement at a time: a transaction is one connection (pg refuses overlapping queries on it from pg@9).
  const kept = await tx.contact.findFirst({ where: { id: input.contactId, studioId }, select: MERGE_SELECT });
  const duplicate = await tx.contact.findFirst({ where: { id: input.duplicateId, studioId }, select: MERGE_SELECT });
  if (!kept) throw notFound("That client");
  if (!duplicate)
    throw new AppError("NOT_FOUND", "That client was not found.", { duplicateId: ["Choose one of your clients."] });

  const jobs = await tx.job.updateMany({ where: { studioId, contactId: duplicate.id }, data: { contactId: kept.id } });
  const leads = await tx.lead.updateMany({
    where: { studioId, contactId: duplicate.id },
    data: { contactId: kept.id },
  });
  // An email written on the duplicate's page, even one still waiting to go, is the kept client's.
  await tx.composedEmail.updateMany({ where: { studioId, contactId: duplicate.id }, data: { contactId: kept.id } });
  const details = [duplicate.email, duplicate.phone, duplicate.address?.replace(/\s*\n\s*/g, ", ")]
    .filter(Boolean)
    .join(", ");
  const record = `Merged ${duplicate.name}${details ? ` (${details})` : ""} into this client on ${now.toISOString().slice(0, 10)}.`;
  const notes = [kept.notes, record, duplicate.notes].filter(Boolean).join("\n\n");
  // The duplicate goes first: its email may be the one the kept client takes over.
  await tx.contact.deleteMany({ where: { id: duplicate.id, studioId } });
  await tx.contact.updateMany({
    where: { id: kept.id, studioId },
    data: {
      email: kept.email ?? duplicate.email,
      emailNormalized: kept.emailNormalized ?? duplicate.emailNormalized,
      phone: kept.phone ?? duplicate.phone,
      address: kept.address ?? duplicate.address,
      notes,
    },
  });
  return { id: kept.id, movedJobs: jobs.count, movedLeads: leads.count };
}
