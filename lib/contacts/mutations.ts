import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type ContactInput } from "@/lib/contacts/schemas";

export function createContact(tx: Tx, { studioId, input }: { studioId: string; input: ContactInput }) {
  return tx.contact.create({
    data: { studioId, name: input.name, email: input.email, phone: input.phone },
    select: { id: true },
  });
}

export async function requireContactId(
  tx: Tx,
  { studioId, contactId }: { studioId: string; contactId: string },
): Promise<string> {
  const contact = await tx.contact.findFirst({ where: { id: contactId, studioId }, select: { id: true } });
  if (!contact)
    throw new AppError("NOT_FOUND", "That client was not found.", { contactId: ["Choose one of your clients."] });
  return contact.id;
}
