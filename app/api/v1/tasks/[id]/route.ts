import { defineApiWrite } from "@/lib/api/handlers";
import { toApiTask } from "@/lib/api/resources";
import { notFound } from "@/lib/errors";
import { completeTask, pagesATaskChanges } from "@/lib/workflows/mutations";
import { findTask } from "@/lib/workflows/queries";
import { patchTaskSchema } from "@/lib/workflows/schemas";

/** Completes a task like the task list's Complete button (a task already done answers 409). */
export const PATCH = defineApiWrite<typeof patchTaskSchema, { id: string }>({
  schema: patchTaskSchema,
  async run({ tx, user, timeZone, params }) {
    const studioId = user.studioId;
    const { jobId } = await completeTask(tx, { studioId, taskId: params.id });
    const task = await findTask(tx, { studioId, taskId: params.id, now: new Date(), timeZone });
    if (!task) throw notFound("That task");
    return { status: 200, body: toApiTask(task), revalidate: pagesATaskChanges(jobId) };
  },
});
