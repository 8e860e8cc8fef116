"use server";

import { defineAction } from "@/lib/actions";
import { createQuestionnaireTemplate, updateQuestionnaireTemplate } from "@/lib/questionnaires/mutations";
import { templateFormSchema, updateTemplateSchema } from "@/lib/questionnaires/schemas";

export const createTemplate = defineAction({
  access: "studio",
  schema: templateFormSchema,
  async run({ tx, input, user }) {
    const { id } = await createQuestionnaireTemplate(tx, { studioId: user.studioId, ...input });
    // Every job page offers the templates: "/jobs" pins them all for this user.
    return { revalidate: ["/questionnaires", `/questionnaires/${id}`, "/jobs"], redirectTo: "/questionnaires" };
  },
});

export const updateTemplate = defineAction({
  access: "studio",
  schema: updateTemplateSchema,
  async run({ tx, input, user }) {
    await updateQuestionnaireTemplate(tx, { studioId: user.studioId, ...input });
    return { revalidate: ["/questionnaires", `/questionnaires/${input.templateId}`, "/jobs"], redirectTo: "/questionnaires" };
  },
});
