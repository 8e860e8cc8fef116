import { AUTO_REPLY_KIND, DEFAULT_AUTO_REPLY } from "@/lib/email-templates/wording";
import { modelsOf, type Reader } from "@/lib/reader";

export type AutoReplySetting = {
  brandId: string;
  brandName: string;
  isEnabled: boolean;
  subject: string;
  body: string;
  /** False while the brand uses the built-in wording. */
  isCustomised: boolean;
};

/** Every brand's inquiry auto-reply: its own wording, or the built-in one (on) when it has none. */
export async function findAutoReplySettings(
  db: Reader,
  { studioId }: { studioId: string },
): Promise<AutoReplySetting[]> {
  const brands = await modelsOf(db).brand.findMany({
    where: { studioId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      emailTemplates: {
        where: { studioId, kind: AUTO_REPLY_KIND },
        select: { isEnabled: true, subject: true, body: true },
      },
    },
  });
  return brands.map(({ id, name, emailTemplates: [own] }) => ({
    brandId: id,
    brandName: name,
    isEnabled: own?.isEnabled ?? true,
    subject: own?.subject ?? DEFAULT_AUTO_REPLY.subject,
    body: own?.body ?? DEFAULT_AUTO_REPLY.body,
    isCustomised: Boolean(own),
  }));
}

/** One brand's auto-reply wording as it would be sent, or null when the brand has turned it off. */
export async function findAutoReplyWording(
  db: Reader,
  { studioId, brandId }: { studioId: string; brandId: string },
): Promise<{ subject: string; body: string } | null> {
  const own = await modelsOf(db).emailTemplate.findUnique({
    where: { studioId_brandId_kind: { studioId, brandId, kind: AUTO_REPLY_KIND } },
    select: { isEnabled: true, subject: true, body: true },
  });
  if (own && !own.isEnabled) return null;
  return own ?? DEFAULT_AUTO_REPLY;
}
