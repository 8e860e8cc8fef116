"use server";

import { defineAction } from "@/lib/actions";
import { sendQuestionnaire } from "@/lib/questionnaires/mutations";
import { sendQuestionnaireSchema } from "@/lib/questionnaires/schemas";

export const sendQuestionnaireAction = defineAction({
  access: "studio",
  schema: sendQuestionnaireSchema,
  async run({ tx, input, user }) {
    const sent = await sendQuestionnaire(tx, { studioId: user.studioId, ...input });
    return {
      revalidate: [
        `/jobs/${sent.jobId}/questionnaires`,
        `/jobs/${sent.jobId}`,
        "/questionnaires",
        "/emails",
        "/dashboard",
        "/clients",
      ],
      message: "The questionnaire is on its way to your client.",
    };
  },
});
