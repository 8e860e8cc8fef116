"use server";

import { defineAction } from "@/lib/actions";
import { createQuestionnaireTemplate, updateQuestionnaireTemplate } from "@/lib/questionnaires/mutations";
import { createQuestionnaireTemplateSchema, updateQuestionnaireTemplateSchema } from "@/lib/questionnaires/schemas";

export const createQuestionnaireAction = defineAction({
  access: "studio",
  schema: createQuestionnaireTemplateSchema,
  async run({ tx, input, user }) {
    const { id } = await createQuestionnaireTemplate(tx, { studioId: user.studioId, ...input });
    // Every job page offers the templates: "/jobs" pins them all for this user.
    return { revalidate: ["/questionnaires", `/questionnaires/${id}`, "/jobs"], redirectTo: "/questionnaires" };
  },
});

export const updateQuestionnaireAction = defineAction({
  access: "studio",
  schema: updateQuestionnaireTemplateSchema,
  async run({ tx, input, user }) {
    await updateQuestionnaireTemplate(tx, { studioId: user.studioId, ...input });
    return {
      revalidate: ["/questionnaires", `/questionnaires/${input.templateId}`, "/jobs"],
      redirectTo: "/questionnaires",
    };
  },
});
