"use server";

import { defineAction } from "@/lib/actions";
import { createWorkflowTemplate, updateWorkflowTemplate } from "@/lib/workflows/mutations";
import { updateWorkflowTemplateSchema, createWorkflowTemplateSchema } from "@/lib/workflows/schemas";

export const createWorkflowAction = defineAction({
  access: "studio",
  schema: createWorkflowTemplateSchema,
  async run({ tx, input, user }) {
    const { id } = await createWorkflowTemplate(tx, { studioId: user.studioId, ...input });
    // Every job page offers the workflows: "/jobs" pins them all for this user.
    return { revalidate: ["/workflows", `/workflows/${id}`, "/jobs"], redirectTo: "/workflows" };
  },
});

export const updateWorkflowAction = defineAction({
  access: "studio",
  schema: updateWorkflowTemplateSchema,
  async run({ tx, input, user }) {
    await updateWorkflowTemplate(tx, { studioId: user.studioId, ...input });
    return { revalidate: ["/workflows", `/workflows/${input.templateId}`, "/jobs"], redirectTo: "/workflows" };
  },
});
