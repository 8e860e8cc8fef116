import { type Db } from "@/lib/db";
import { describeDue, overdueDays } from "@/lib/workflows/due-dates";

export async function findWorkflowTemplates(db: Db, { studioId }: { studioId: string }) {
  return db.workflowTemplate.findMany({
    where: { studioId },
    select: { id: true, name: true, steps: { select: { id: true, name: true, offsetDays: true, anchor: true }, orderBy: { position: "asc" } } },
    orderBy: { name: "asc" },
  });
}

export async function findWorkflowTemplate(db: Db, { studioId, templateId }: { studioId: string; templateId: string }) {
  return db.workflowTemplate.findFirst({
    where: { id: templateId, studioId },
    select: { id: true, name: true, steps: { select: { name: true, offsetDays: true, anchor: true }, orderBy: { position: "asc" } } },
  });
}

/** A job and all its tasks in order, for /jobs/[id]/workflow. */
export async function findJobWorkflow(db: Db, { studioId, jobId }: { studioId: string; jobId: string }) {
  return db.job.findFirst({
    where: { id: jobId, studioId },
    select: {
      id: true,
      title: true,
      date: true,
      studio: { select: { timeZone: true } },
      tasks: { where: { studioId }, select: { id: true, workflow: true, name: true, position: true, dueAt: true, completedAt: true }, orderBy: { position: "asc" } },
    },
  });
}

export type OpenTask = {
  taskId: string;
  jobId: string;
  jobTitle: string;
  brandId: string;
  workflow: string;
  name: string;
  position: number;
  dueAt: Date;
  isOverdue: boolean;
  /** Whole days late in the studio's calendar; 0 when not late (or late since earlier today). */
  overdueDays: number;
  /** "Due Jun 19", "Due today" or "3 days ago", in the studio's calendar. */
  dueLabel: string;
};

type Filter = { studioId: string; brandId?: string; now: Date };
type Page = { skip: number; take: number };

async function studioTimeZone(db: Db, studioId: string): Promise<string> {
  const studio = await db.studio.findUnique({ where: { id: studioId }, select: { timeZone: true } });
  return studio?.timeZone ?? "UTC";
}

async function openTasks(db: Db, { studioId, brandId, now }: Filter, distinctJobs: boolean, page?: Page): Promise<OpenTask[]> {
  const [timeZone, rows] = await Promise.all([
    studioTimeZone(db, studioId),
    db.task.findMany({
      where: { studioId, completedAt: null, job: { studioId, status: { not: "CANCELLED" }, ...(brandId ? { brandId } : {}) } },
      select: { id: true, jobId: true, workflow: true, name: true, position: true, dueAt: true, job: { select: { title: true, brandId: true } } },
      orderBy: distinctJobs ? [{ jobId: "asc" }, { position: "asc" }] : [{ dueAt: "asc" }, { position: "asc" }],
      ...(distinctJobs ? { distinct: ["jobId" as const] } : {}),
      ...(page ?? {}),
    }),
  ]);
  const tasks = rows.map((t) => ({
    taskId: t.id,
    jobId: t.jobId,
    jobTitle: t.job.title,
    brandId: t.job.brandId,
    workflow: t.workflow,
    name: t.name,
    position: t.position,
    dueAt: t.dueAt,
    isOverdue: t.dueAt.getTime() < now.getTime(),
    overdueDays: overdueDays(t.dueAt, now, timeZone),
    dueLabel: describeDue(t.dueAt, now, timeZone),
  }));
  return tasks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * What's Next: for every job that is not cancelled, its next open task (the lowest position not
 * yet completed), soonest due first. Optionally only one brand's jobs.
 */
export function findNextTasks(db: Db, filter: Filter): Promise<OpenTask[]> {
  return openTasks(db, filter, true);
}

/** Open tasks, soonest due first, one page at a time (index on studioId, completedAt, dueAt). */
export function findOpenTasks(db: Db, filter: Filter, page: Page = { skip: 0, take: 50 }): Promise<OpenTask[]> {
  return openTasks(db, filter, false, page);
}

/** The dashboard's line for a task: "Job - Task <Product -> Step>". */
export function formatNextTask(task: Pick<OpenTask, "jobTitle" | "workflow" | "name">): string {
  return `${task.jobTitle} - Task <${task.workflow} -> ${task.name}>`;
}
