import { type Tx } from "@/lib/db";
import { checkClientEmailWording } from "@/lib/email-templates/wording";
import { AppError } from "@/lib/errors";
import { savedEmailContext, type CreateSavedEmailInput, type UpdateSavedEmailInput } from "@/lib/saved-emails/schemas";

type Tenant = { studioId: string };

const GONE = "That saved email was not found.";
const NAME_TAKEN = "You already have a saved email with that name.";

/** Its smart fields are those of whom it is written to; a name is the studio's once (any case). */
async function requireValidSavedEmail(
  tx: Tx,
  { studioId, input, savedEmailId }: Tenant & { input: CreateSavedEmailInput; savedEmailId?: string },
) {
  const errors = checkClientEmailWording(input, savedEmailContext(input.about));
  const taken = await tx.savedEmail.findFirst({
    where: {
      studioId,
      name: { equals: input.name, mode: "insensitive" },
      ...(savedEmailId ? { NOT: { id: savedEmailId } } : {}),
    },
    select: { id: true },
  });
  if (taken) errors.name = [NAME_TAKEN];
  if (Object.keys(errors).length)
    throw new AppError(taken ? "CONFLICT" : "VALIDATION", "Please correct the highlighted fields.", errors);
}

export async function createSavedEmail(tx: Tx, { studioId, input }: Tenant & { input: CreateSavedEmailInput }) {
  await requireValidSavedEmail(tx, { studioId, input });
  return tx.savedEmail.create({
    data: { studioId, name: input.name, about: input.about, subject: input.subject, body: input.body },
    select: { id: true },
  });
}

/** Emails already written from it (composed, or in a workflow) keep their own wording. */
export async function updateSavedEmail(tx: Tx, { studioId, input }: Tenant & { input: UpdateSavedEmailInput }) {
  // Another studio's (or a deleted) email is not found before its wording is judged.
  const exists = await tx.savedEmail.findFirst({ where: { id: input.savedEmailId, studioId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", GONE);
  await requireValidSavedEmail(tx, { studioId, input, savedEmailId: input.savedEmailId });
  const { count } = await tx.savedEmail.updateMany({
    where: { id: input.savedEmailId, studioId },
    data: { name: input.name, about: input.about, subject: input.subject, body: input.body },
  });
  if (count !== 1) throw new AppError("NOT_FOUND", GONE);
}

export async function deleteSavedEmail(tx: Tx, { studioId, savedEmailId }: Tenant & { savedEmailId: string }) {
  const { count } = await tx.savedEmail.deleteMany({ where: { id: savedEmailId, studioId } });
  if (count !== 1) throw new AppError("NOT_FOUND", GONE);
}
