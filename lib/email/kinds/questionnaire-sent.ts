import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";
import { linkToken } from "@/lib/tokens";
import { questionnaireUrl } from "@/lib/urls";

/** A questionnaire's link, for the job's client. */
export const questionnaireSent = defineEmailKind({
  params: z.object({ questionnaireId: z.string() }),
  async render({ tx, origin, studioId }, { questionnaireId }) {
    const questionnaire = await tx.questionnaire.findFirst({
      where: { id: questionnaireId, studioId: studioId ?? undefined },
      select: {
        id: true,
        title: true,
        studio: { select: { name: true } },
        job: { select: { title: true, brand: { select: { name: true } }, contact: { select: { name: true } } } },
      },
    });
    if (!questionnaire) return null;
    const { studio, job } = questionnaire;
    return {
      sender: job.brand.name,
      subject: `${studio.name}: ${questionnaire.title}`,
      text: [
        `Hi ${job.contact.name.split(" ")[0]},`,
        "",
        `${studio.name} has a few questions for you about ${job.title}.`,
        `You can answer them here, save as you go, and submit when you're done:`,
        "",
        questionnaireUrl(origin, linkToken("questionnaire", questionnaire.id)),
        "",
        "No account is needed. Please keep this link to yourself.",
      ].join("\n"),
    };
  },
});
