import { findAccountLink } from "@/lib/account/links";
import { modelsOf, type Reader } from "@/lib/reader";

/** Whether the studio may send email: its owner has confirmed their address. */
export async function findOwnerConfirmation(db: Reader, { studioId }: { studioId: string }) {
  const owner = await modelsOf(db).user.findFirst({
    where: { studioId, role: "OWNER", removedAt: null },
    select: { id: true, email: true, emailVerifiedAt: true },
  });
  return { ownerId: owner?.id ?? null, ownerEmail: owner?.email ?? null, isConfirmed: Boolean(owner?.emailVerifiedAt) };
}

/** What a confirmation link is about, for its page; used, expired or unknown: null. */
export async function findConfirmation(db: Reader, { token }: { token: string }) {
  const link = await findAccountLink(db, { token, purposes: ["EMAIL_VERIFICATION", "EMAIL_CHANGE"] });
  if (!link || link.user.removedAt) return null;
  return { purpose: link.purpose, email: link.email, name: link.user.name };
}

/** The reset link a token belongs to while it is open, for its page; otherwise null. */
export async function findOpenResetLink(db: Reader, { token }: { token: string }) {
  const link = await findAccountLink(db, { token, purposes: ["PASSWORD_RESET"] });
  return link && { id: link.id };
}
