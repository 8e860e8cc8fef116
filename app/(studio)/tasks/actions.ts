"use server";

import { defineAction } from "@/lib/actions";
import { completeTask, pagesATaskChanges } from "@/lib/workflows/mutations";
import { completeTaskSchema } from "@/lib/workflows/schemas";

export const completeTaskAction = defineAction({
  access: "studio",
  schema: completeTaskSchema,
  async run({ tx, input, user }) {
    const { jobId } = await completeTask(tx, { studioId: user.studioId, taskId: input.taskId });
    return { revalidate: pagesATaskChanges(jobId) };
  },
});
