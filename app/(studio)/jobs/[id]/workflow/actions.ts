"use server";

import { defineAction } from "@/lib/actions";
import { countOf } from "@/lib/words";
import { applyWorkflow } from "@/lib/workflows/mutations";
import { applyWorkflowSchema } from "@/lib/workflows/schemas";

export const applyWorkflowAction = defineAction({
  access: "studio",
  schema: applyWorkflowSchema,
  async run({ tx, input, user }) {
    const { jobId, taskCount } = await applyWorkflow(tx, { studioId: user.studioId, ...input });
    return {
      revalidate: [`/jobs/${jobId}/workflow`, `/jobs/${jobId}`, "/tasks", "/dashboard"],
      message: `${countOf(taskCount, "task", "tasks")} added.`,
    };
  },
});
