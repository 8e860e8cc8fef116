import { modelsOf, type Reader } from "@/lib/reader";
import { type SavedEmailFor } from "@/lib/saved-emails/schemas";

/** Every saved email of the studio, by name: the list page, and what a compose form or workflow step can start from. */
export async function findSavedEmails(db: Reader, { studioId, about }: { studioId: string; about?: SavedEmailFor }) {
  return modelsOf(db).savedEmail.findMany({
    where: { studioId, ...(about ? { about } : {}) },
    select: { id: true, name: true, about: true, subject: true, body: true },
    orderBy: { name: "asc" },
  });
}

export type SavedEmail = Awaited<ReturnType<typeof findSavedEmails>>[number];

export async function findSavedEmail(
  db: Reader,
  { studioId, savedEmailId }: { studioId: string; savedEmailId: string },
) {
  return modelsOf(db).savedEmail.findFirst({
    where: { id: savedEmailId, studioId },
    select: { id: true, name: true, about: true, subject: true, body: true },
  });
}
