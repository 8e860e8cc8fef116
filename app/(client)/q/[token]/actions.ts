"use server";

import { defineAction } from "@/lib/actions";
import { answerQuestionnaire } from "@/lib/questionnaires/mutations";
import { answerQuestionnaireSchema } from "@/lib/questionnaires/schemas";

export const answerQuestionnaireAction = defineAction({
  access: "public",
  schema: answerQuestionnaireSchema,
  async run({ tx, input }) {
    const { token, intent, ...raw } = input;
    const result = await answerQuestionnaire(tx, { token, raw, submit: intent === "submit" });
    return {
      revalidate: [`/q/${token}`, `/jobs/${result.jobId}/questionnaires`, `/jobs/${result.jobId}`, "/dashboard"],
      message: result.submitted
        ? "Thank you! Your answers were sent."
        : "Your answers are saved. You can come back and finish later.",
    };
  },
});
