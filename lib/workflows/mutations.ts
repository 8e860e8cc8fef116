import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { computeStepDays, emailSendAt, taskDueAt } from "@/lib/workflows/due-dates";
import { type StepInput } from "@/lib/workflows/steps";
import { JOB_CANCELLED_NOTE } from "@/lib/scheduled-emails/schemas";

type TemplateInput = { name: string; steps: StepInput[] };

const stepRows = (steps: StepInput[]) =>
  steps.map((s, position) => ({
    position,
    name: s.name,
    offsetDays: s.offsetDays,
    anchor: s.anchor,
    kind: s.kind,
    emailSubject: s.emailSubject,
    emailBody: s.emailBody,
  }));

export async function createWorkflowTemplate(tx: Tx, { studioId, name, steps }: { studioId: string } & TemplateInput) {
  const template = await tx.workflowTemplate.create({ data: { studioId, name }, select: { id: true } });
  await insertSteps(tx, { studioId, templateId: template.id, steps });
  return template;
}

// The steps are their own insert, not a nested create: Prisma reads a row back by its id alone
// after nested writes, and every statement names the studio.
async function insertSteps(
  tx: Tx,
  { studioId, templateId, steps }: { studioId: string; templateId: string; steps: StepInput[] },
) {
  await tx.workflowStepTemplate.createMany({ data: stepRows(steps).map((row) => ({ studioId, templateId, ...row })) });
}

/** Tasks already created from the template keep their names and dates; only later uses change. */
export async function updateWorkflowTemplate(
  tx: Tx,
  { studioId, templateId, name, steps }: { studioId: string; templateId: string } & TemplateInput,
) {
  const template = await tx.workflowTemplate.findFirst({ where: { id: templateId, studioId }, select: { id: true } });
  if (!template) throw notFound("That workflow");
  await tx.workflowStepTemplate.deleteMany({ where: { studioId, templateId: template.id } });
  await tx.workflowTemplate.update({ where: { id: template.id, studioId }, data: { name }, select: { id: true } });
  await insertSteps(tx, { studioId, templateId: template.id, steps });
}

/**
 * Creates the job's tasks from a template, after any tasks it already has, and schedules its
 * email steps: each goes to the job's client at 9 am on its day, studio time. An email whose
 * moment has already passed is kept as skipped rather than sent late by surprise.
 */
export async function applyWorkflow(
  tx: Tx,
  {
    studioId,
    jobId,
    templateId,
    now = new Date(),
  }: { studioId: string; jobId: string; templateId: string; now?: Date },
) {
  const job = await tx.job.findFirst({
    where: { id: jobId, studioId },
    select: { id: true, title: true, date: true, status: true, studio: { select: { timeZone: true } } },
  });
  if (!job) throw notFound("That job");
  const template = await tx.workflowTemplate.findFirst({
    where: { id: templateId, studioId },
    select: {
      id: true,
      name: true,
      steps: {
        select: { name: true, offsetDays: true, anchor: true, kind: true, emailSubject: true, emailBody: true },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!template)
    throw new AppError("NOT_FOUND", "That workflow was not found.", { templateId: ["Choose one of your workflows."] });
  if (template.steps.length === 0)
    throw new AppError("VALIDATION", "That workflow has no steps.", { templateId: ["Add steps to it first."] });

  const last = await tx.task.findFirst({
    where: { studioId, jobId: job.id },
    select: { position: true },
    orderBy: { position: "desc" },
  });
  const first = (last?.position ?? -1) + 1;
  const timeZone = job.studio.timeZone;
  const days = computeStepDays(template.steps, { jobDate: job.date, now, timeZone });
  const steps = template.steps.map((step, i) => ({ ...step, day: days[i] }));
  const tasks = steps.filter((s) => s.kind === "TASK");
  const emails = steps.filter((s) => s.kind === "EMAIL");
  await tx.task.createMany({
    data: tasks.map((step, i) => ({
      studioId,
      jobId: job.id,
      workflow: template.name,
      position: first + i,
      name: step.name,
      dueAt: taskDueAt(step.day, timeZone),
    })),
  });
  await tx.scheduledEmail.createMany({
    data: emails.map((step) => {
      const sendAt = emailSendAt(step.day, timeZone);
      const settled =
        job.status === "CANCELLED"
          ? { status: "CANCELLED" as const, note: JOB_CANCELLED_NOTE, settledAt: now }
          : sendAt <= now
            ? { status: "SKIPPED" as const, note: "Its day had passed when the workflow was applied.", settledAt: now }
            : {};
      return {
        studioId,
        jobId: job.id,
        workflow: template.name,
        name: step.name,
        subject: step.emailSubject ?? "",
        body: step.emailBody ?? "",
        sendAt,
        ...settled,
      };
    }),
  });
  await notify(tx, {
    studioId,
    kind: "workflow.applied",
    message: `${template.name} was started for ${job.title}`,
    link: `/jobs/${job.id}/workflow`,
  });
  return { jobId: job.id, taskCount: tasks.length, emailCount: emails.length };
}

/** The pages completing a task changes, whoever completes it (the task list, the API). */
export const pagesATaskChanges = (jobId: string) => [
  "/tasks",
  "/dashboard",
  `/jobs/${jobId}/workflow`,
  `/jobs/${jobId}`,
];

/** Marks a task done; the job's next open task (lowest position) becomes its What's Next. */
export async function completeTask(
  tx: Tx,
  { studioId, taskId, now = new Date() }: { studioId: string; taskId: string; now?: Date },
) {
  const task = await tx.task.findFirst({
    where: { id: taskId, studioId },
    select: { id: true, name: true, workflow: true, jobId: true, completedAt: true, job: { select: { title: true } } },
  });
  if (!task) throw notFound("That task");
  const { count } = await tx.task.updateMany({
    where: { id: task.id, studioId, completedAt: null },
    data: { completedAt: now },
  });
  if (count === 0) throw new AppError("CONFLICT", "That task is already complete.");
  await notify(tx, {
    studioId,
    kind: "task.completed",
    message: `${task.workflow}: ${task.name} is done for ${task.job.title}`,
    link: `/jobs/${task.jobId}/workflow`,
  });
  const next = await tx.task.findFirst({
    where: { studioId, jobId: task.jobId, completedAt: null },
    select: { id: true, name: true, workflow: true, dueAt: true },
    orderBy: { position: "asc" },
  });
  return { jobId: task.jobId, next };
}
