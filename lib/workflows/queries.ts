import { type Db } from "@/lib/db";
import { jobScheduledEmailsSelect } from "@/lib/scheduled-emails/queries";
import { modelsOf, type Reader } from "@/lib/reader";
import { findKeysetPage, type KeysetPage, type PageRequest } from "@/lib/pagination";
import { type Prisma } from "@/prisma/generated/prisma/client";
import { describeDue, overdueDays } from "@/lib/workflows/due-dates";

export async function findWorkflowTemplates(db: Db, { studioId }: { studioId: string }) {
  return db.workflowTemplate.findMany({
    where: { studioId },
    select: {
      id: true,
      name: true,
      steps: {
        select: { id: true, name: true, offsetDays: true, anchor: true, kind: true },
        orderBy: { position: "asc" },
      },
    },
    orderBy: { name: "asc" },
  });
}

export async function findWorkflowTemplate(db: Db, { studioId, templateId }: { studioId: string; templateId: string }) {
  return db.workflowTemplate.findFirst({
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
}

/** A job, all its tasks in order and its workflow emails, for /jobs/[id]/workflow. */
export async function findJobWorkflow(db: Db, { studioId, jobId }: { studioId: string; jobId: string }) {
  return db.job.findFirst({
    where: { id: jobId, studioId },
    select: {
      id: true,
      title: true,
      date: true,
      studio: { select: { timeZone: true } },
      tasks: {
        where: { studioId },
        select: { id: true, workflow: true, name: true, position: true, dueAt: true, completedAt: true },
        orderBy: { position: "asc" },
      },
      scheduledEmails: { where: { studioId }, ...jobScheduledEmailsSelect },
    },
  });
}

export type OpenTask = {
  taskId: string;
  jobId: string;
  jobTitle: string;
  workflow: string;
  name: string;
  dueAt: Date;
  /** Whole days late in the studio's calendar; 0 when not late (or late since earlier today). */
  overdueDays: number;
  /** "Due Jun 19", "Due today" or "Overdue by 3 days", in the studio's calendar. */
  dueLabel: string;
};

/** How many open tasks /tasks shows at a time. */
const TASK_PAGE_SIZE = 50;

type TaskRow = { id: string; jobId: string; workflow: string; name: string; dueAt: Date; job: { title: string } };

function toOpenTask(t: TaskRow, now: Date, timeZone: string): OpenTask {
  return {
    taskId: t.id,
    jobId: t.jobId,
    jobTitle: t.job.title,
    workflow: t.workflow,
    name: t.name,
    dueAt: t.dueAt,
    overdueDays: overdueDays(t.dueAt, now, timeZone),
    dueLabel: describeDue(t.dueAt, now, timeZone),
  };
}

/** Open tasks of jobs that are not cancelled, soonest due first, a page at a time (index on studioId, completedAt, dueAt). */
export async function findOpenTaskPage(
  db: Db,
  {
    studioId,
    brandId,
    now,
    timeZone,
    size = TASK_PAGE_SIZE,
    ...request
  }: { studioId: string; brandId?: string; now: Date; timeZone: string; size?: number } & PageRequest,
): Promise<KeysetPage<OpenTask>> {
  const page = await findKeysetPage<TaskRow>({
    sections: [
      {
        where: {
          studioId,
          completedAt: null,
          job: { studioId, status: { not: "CANCELLED" }, ...(brandId ? { brandId } : {}) },
        },
        key: "dueAt",
        dir: "asc",
      },
    ],
    request,
    size,
    // Ordering by completedAt (NULL on every row here) first lets the planner read the
    // (studioId, completedAt, dueAt) index in order and stop after one page instead of sorting all.
    fetch: ({ where, orderBy, take }) =>
      db.task.findMany({
        where: where as Prisma.TaskWhereInput,
        orderBy: [{ completedAt: orderBy[0].dueAt }, ...orderBy] as Prisma.TaskOrderByWithRelationInput[],
        take,
        select: { id: true, jobId: true, workflow: true, name: true, dueAt: true, job: { select: { title: true } } },
      }),
    keyOf: (row) => row.dueAt,
  });
  return { ...page, rows: page.rows.map((t) => toOpenTask(t, now, timeZone)) };
}

/** One task, open or done, as the tasks page shows it (a done task is never overdue). */
export async function findTask(
  db: Reader,
  { studioId, taskId, now, timeZone }: { studioId: string; taskId: string; now: Date; timeZone: string },
): Promise<(OpenTask & { completedAt: Date | null }) | null> {
  const task = await modelsOf(db).task.findFirst({
    where: { id: taskId, studioId },
    select: {
      id: true,
      jobId: true,
      workflow: true,
      name: true,
      dueAt: true,
      completedAt: true,
      job: { select: { title: true } },
    },
  });
  if (!task) return null;
  const shown = toOpenTask(task, now, timeZone);
  return { ...shown, completedAt: task.completedAt, overdueDays: task.completedAt ? 0 : shown.overdueDays };
}

/** A task as the dashboard and the tasks page write it: "Leather Album → Place order". */
export function formatTask(task: Pick<OpenTask, "workflow" | "name">): string {
  return `${task.workflow} → ${task.name}`;
}
