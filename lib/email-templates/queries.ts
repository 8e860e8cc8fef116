import { EDITABLE_EMAILS, type EditableEmailKind, type Wording } from "@/lib/email-templates/editable";
import { modelsOf, type Reader } from "@/lib/reader";

export type EmailTemplateSetting = {
  brandId: string;
  brandName: string;
  isEnabled: boolean;
  subject: string;
  body: string;
  /** False while the brand uses the built-in wording. */
  isCustomised: boolean;
};

/** Every brand's wording of one editable email: its own, or the built-in one (on) when it has none. */
export async function findEmailTemplateSettings(
  db: Reader,
  { studioId, kind }: { studioId: string; kind: EditableEmailKind },
): Promise<EmailTemplateSetting[]> {
  const { defaults } = EDITABLE_EMAILS[kind];
  const brands = await modelsOf(db).brand.findMany({
    where: { studioId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      emailTemplates: { where: { studioId, kind }, select: { isEnabled: true, subject: true, body: true } },
    },
  });
  return brands.map(({ id, name, emailTemplates: [own] }) => ({
    brandId: id,
    brandName: name,
    isEnabled: own?.isEnabled ?? true,
    subject: own?.subject ?? defaults.subject,
    body: own?.body ?? defaults.body,
    isCustomised: Boolean(own),
  }));
}

/** One brand's wording of an editable email as it would be sent, or null when the brand has turned it off. */
export async function findEmailWording(
  db: Reader,
  { studioId, brandId, kind }: { studioId: string; brandId: string; kind: EditableEmailKind },
): Promise<Wording | null> {
  const own = await modelsOf(db).emailTemplate.findUnique({
    where: { studioId_brandId_kind: { studioId, brandId, kind } },
    select: { isEnabled: true, subject: true, body: true },
  });
  if (own && !own.isEnabled && EDITABLE_EMAILS[kind].mayTurnOff) return null;
  return own ? { subject: own.subject, body: own.body } : EDITABLE_EMAILS[kind].defaults;
}
