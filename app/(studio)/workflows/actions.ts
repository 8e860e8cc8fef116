"use server";

import { defineAction } from "@/lib/actions";
import { createWorkflowTemplate, updateWorkflowTemplate } from "@/lib/workflows/mutations";
import { updateWorkflowSchema, workflowFormSchema } from "@/lib/workflows/schemas";

export const createWorkflow = defineAction({
  access: "studio",
  schema: workflowFormSchema,
  async run({ tx, input, user }) {
    const { id } = await createWorkflowTemplate(tx, { studioId: user.studioId, ...input });
    // Every job page offers the workflows: "/jobs" pins them all for this user.
    return { revalidate: ["/workflows", `/workflows/${id}`, "/jobs"], redirectTo: "/workflows" };
  },
});

export const updateWorkflow = defineAction({
  access: "studio",
  schema: updateWorkflowSchema,
  async run({ tx, input, user }) {
    await updateWorkflowTemplate(tx, { studioId: user.studioId, ...input });
    return { revalidate: ["/workflows", `/workflows/${input.templateId}`, "/jobs"], redirectTo: "/workflows" };
  },
});
