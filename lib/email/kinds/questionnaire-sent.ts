import { z } from "zod";
import { EMAIL_JOB_SELECT, renderBrandEmail } from "@/lib/email-templates/brand-email";
import { jobEmailValues } from "@/lib/templates/job-values";
import { QUESTIONNAIRE_EMAIL_KIND } from "@/lib/email-templates/editable";
import { defineEmailKind } from "@/lib/email/kind";
import { type QuestionnaireFieldKey } from "@/lib/templates/fields";
import { linkToken } from "@/lib/tokens";
import { questionnaireUrl } from "@/lib/urls";

/** A questionnaire's link, for the job's client, in the brand's questionnaire email. */
export const questionnaireSent = defineEmailKind({
  params: z.object({ questionnaireId: z.string() }),
  async render({ tx, origin, studioId }, { questionnaireId }) {
    if (!studioId) return null;
    const questionnaire = await tx.questionnaire.findFirst({
      where: { id: questionnaireId, studioId },
      select: {
        id: true,
        title: true,
        studio: { select: { name: true, timeZone: true } },
        job: { select: EMAIL_JOB_SELECT },
      },
    });
    if (!questionnaire) return null;
    const { studio, job } = questionnaire;
    const values: Record<QuestionnaireFieldKey, string | null> = {
      ...jobEmailValues(job, studio),
      "questionnaire.title": questionnaire.title,
      "questionnaire.link": questionnaireUrl(origin, linkToken("questionnaire", questionnaire.id)),
    };
    return renderBrandEmail(tx, { studioId, brand: job.brand, kind: QUESTIONNAIRE_EMAIL_KIND, values });
  },
});
