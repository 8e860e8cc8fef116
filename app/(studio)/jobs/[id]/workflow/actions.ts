"use server";

import { defineAction } from "@/lib/actions";
import {
  pagesAScheduledEmailChanges,
  sendScheduledEmailNow,
  skipScheduledEmail,
  updateScheduledEmail,
} from "@/lib/scheduled-emails/mutations";
import { scheduledEmailIdSchema, updateScheduledEmailSchema } from "@/lib/scheduled-emails/schemas";
import { countOf } from "@/lib/words";
import { applyWorkflow } from "@/lib/workflows/mutations";
import { applyWorkflowSchema } from "@/lib/workflows/schemas";

export const applyWorkflowAction = defineAction({
  access: "studio",
  schema: applyWorkflowSchema,
  async run({ tx, input, user }) {
    const { jobId, taskCount, emailCount } = await applyWorkflow(tx, { studioId: user.studioId, ...input });
    const added = [
      ...(taskCount ? [countOf(taskCount, "task", "tasks")] : []),
      ...(emailCount ? [countOf(emailCount, "email", "emails")] : []),
    ];
    return {
      revalidate: [`/jobs/${jobId}/workflow`, `/jobs/${jobId}`, "/tasks", "/dashboard"],
      message: `${added.join(" and ")} added.`,
    };
  },
});

export const updateScheduledEmailAction = defineAction({
  access: "studio",
  schema: updateScheduledEmailSchema,
  async run({ tx, input, user }) {
    const { jobId } = await updateScheduledEmail(tx, { studioId: user.studioId, input });
    return { revalidate: pagesAScheduledEmailChanges(jobId), message: "Email saved." };
  },
});

export const skipScheduledEmailAction = defineAction({
  access: "studio",
  schema: scheduledEmailIdSchema,
  async run({ tx, input, user }) {
    const { jobId } = await skipScheduledEmail(tx, { studioId: user.studioId, userName: user.name, ...input });
    return { revalidate: pagesAScheduledEmailChanges(jobId), message: "Email skipped." };
  },
});

export const sendScheduledEmailNowAction = defineAction({
  access: "studio",
  schema: scheduledEmailIdSchema,
  async run({ tx, input, user }) {
    const { jobId, contactId } = await sendScheduledEmailNow(tx, { studioId: user.studioId, ...input });
    return {
      // The studio's outbox and the client's history list it too.
      revalidate: [...pagesAScheduledEmailChanges(jobId), "/emails", `/clients/${contactId}`],
      message: "Email sent.",
    };
  },
});
