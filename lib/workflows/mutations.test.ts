import { z } from "zod";
import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { computeStepDays, describeDue, overdueDays, taskDueAt } from "@/lib/workflows/due-dates";
import { applyWorkflow, completeTask, createWorkflowTemplate, updateWorkflowTemplate } from "@/lib/workflows/mutations";
import { findWhatsNextPage } from "@/lib/dashboard/queries";
import { findOpenTaskPage, formatTask } from "@/lib/workflows/queries";
import {
  applyWorkflowSchema,
  completeTaskSchema,
  updateWorkflowTemplateSchema,
  createWorkflowTemplateSchema,
} from "@/lib/workflows/schemas";
import { createJob, createStudio, createWorkflowTemplate as createTemplateRow } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const read = () => dbForHost("primary");
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function studio(timeZone = "America/New_York") {
  const { studio, brands } = await createStudio(db(), { timeZone, brands: ["Weddings", "Portraits"] });
  return { studioId: studio.id, brands };
}

describe("due dates", () => {
  const steps = [
    { offsetDays: 14, anchor: "JOB_DATE" as const },
    { offsetDays: 7, anchor: "PREVIOUS_STEP" as const },
    { offsetDays: 3, anchor: "PREVIOUS_STEP" as const },
    { offsetDays: 30, anchor: "JOB_DATE" as const },
  ];
  /** When each step's task falls due, as applying a workflow sets it. */
  const dueDates = (clock: Parameters<typeof computeStepDays>[1]) =>
    computeStepDays(steps, clock).map((day) => taskDueAt(day, clock.timeZone));

  it("count from the job date or the previous step, due at 5 pm in the studio's zone", () => {
    const due = dueDates({
      jobDate: utcDate("2027-06-05"),
      now: new Date("2027-01-01T12:00:00Z"),
      timeZone: "America/New_York",
    });
    expect(due.map((d) => d.toISOString())).toEqual([
      "2027-06-19T21:00:00.000Z",
      "2027-06-26T21:00:00.000Z",
      "2027-06-29T21:00:00.000Z",
      "2027-07-05T21:00:00.000Z",
    ]);
  });

  it("count from the studio's today when the job has no date yet", () => {
    // 02:00 UTC on 1 March is still 28 February in New York.
    const [first] = dueDates({
      jobDate: null,
      now: new Date("2027-03-01T02:00:00Z"),
      timeZone: "America/New_York",
    });
    expect(first.toISOString()).toBe("2027-03-14T21:00:00.000Z");
  });

  it("count late days in the studio's calendar", () => {
    const due = new Date("2027-03-10T22:00:00Z"); // 5 pm New York (EST)
    expect(overdueDays(due, new Date("2027-03-10T21:00:00Z"), "America/New_York")).toBe(0);
    expect(overdueDays(due, new Date("2027-03-11T03:00:00Z"), "America/New_York")).toBe(0);
    expect(overdueDays(due, new Date("2027-03-13T15:00:00Z"), "America/New_York")).toBe(3);
    expect(describeDue(due, new Date("2027-03-11T03:00:00Z"), "America/New_York")).toBe("Due today");
    expect(describeDue(due, new Date("2027-03-12T03:00:00Z"), "America/New_York")).toBe("Overdue by 1 day");
    expect(describeDue(due, new Date("2026-12-01T12:00:00Z"), "America/New_York")).toBe("Due Mar 10, 2027");
  });
});

describe("workflow templates", () => {
  it("reject a blank name, a blank step, a non-number of days and an unknown anchor, naming each step", () => {
    const result = createWorkflowTemplateSchema.safeParse({
      name: "",
      stepName: ["", "Design"],
      stepOffset: ["3", "soon"],
      stepAnchor: ["JOB_DATE", "WHENEVER"],
    });
    expect(result.success).toBe(false);
    const errors = z.flattenError(result.error!).fieldErrors as Record<string, string[]>;
    expect(errors.name).toEqual(["Give the workflow a name."]);
    expect(errors.steps).toEqual([
      "Step 1: enter a name.",
      "Step 2: enter a whole number of days between -730 and 730.",
      "Step 2: choose what the days count from.",
    ]);
  });

  it("applying and completing explain a missing choice", () => {
    const errors = z.flattenError(applyWorkflowSchema.safeParse({ jobId: "j", templateId: " " }).error!).fieldErrors;
    expect(errors).toEqual({ templateId: ["Choose a workflow to apply."] });
    expect(completeTaskSchema.safeParse({ taskId: "" }).success).toBe(false);
  });

  it("are created with ordered steps and edited in place; another studio's template is NOT_FOUND and unchanged", async () => {
    const { studioId } = await studio();
    const other = await studio();
    const otherTemplate = await createTemplateRow(db(), { studioId: other.studioId });
    const form = createWorkflowTemplateSchema.parse({
      name: "Leather Album",
      stepName: ["Album Design", "Client Approves Design", "Place order for Product"],
      stepOffset: ["14", "7", "3"],
      stepAnchor: ["JOB_DATE", "PREVIOUS_STEP", "PREVIOUS_STEP"],
    });
    const { id } = await inTx((tx) => createWorkflowTemplate(tx, { studioId, ...form }));
    const steps = await db().workflowStepTemplate.findMany({ where: { templateId: id }, orderBy: { position: "asc" } });
    expect(steps.map((s) => [s.position, s.name, s.offsetDays, s.anchor])).toEqual([
      [0, "Album Design", 14, "JOB_DATE"],
      [1, "Client Approves Design", 7, "PREVIOUS_STEP"],
      [2, "Place order for Product", 3, "PREVIOUS_STEP"],
    ]);

    const edit = updateWorkflowTemplateSchema.parse({
      templateId: id,
      name: "Album",
      stepName: ["Design"],
      stepOffset: ["10"],
      stepAnchor: ["JOB_DATE"],
    });
    await inTx((tx) => updateWorkflowTemplate(tx, { studioId, ...edit }));
    expect(await db().workflowStepTemplate.count({ where: { templateId: id } })).toBe(1);

    await expect(
      inTx((tx) => updateWorkflowTemplate(tx, { studioId, ...edit, templateId: otherTemplate.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const untouched = await db().workflowTemplate.findUniqueOrThrow({
      where: { id: otherTemplate.id },
      include: { steps: true },
    });
    expect([untouched.name, untouched.steps.length]).toEqual(["Leather Album", 3]);
  });
});

describe("applying a workflow and completing tasks", () => {
  it("creates the job's tasks with computed due dates and notifies the studio", async () => {
    const { studioId } = await studio();
    const template = await createTemplateRow(db(), { studioId });
    const job = await createJob(db(), { studioId, title: "Patel Wedding", date: utcDate("2027-06-05") });
    await inTx((tx) => applyWorkflow(tx, { studioId, jobId: job.id, templateId: template.id }));
    const tasks = await db().task.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
    expect(tasks.map((t) => [t.workflow, t.position, t.name, t.dueAt.toISOString(), t.completedAt])).toEqual([
      ["Leather Album", 0, "Album Design", "2027-06-19T21:00:00.000Z", null],
      ["Leather Album", 1, "Client Approves Design", "2027-06-26T21:00:00.000Z", null],
      ["Leather Album", 2, "Place order for Product", "2027-06-29T21:00:00.000Z", null],
    ]);
    expect(
      await db().notification.findMany({ where: { studioId, kind: "workflow.applied" }, select: { link: true } }),
    ).toEqual([{ link: `/jobs/${job.id}/workflow` }]);

    // A second workflow on the same job goes after the first.
    const prints = await createTemplateRow(db(), {
      studioId,
      name: "Prints",
      steps: [{ name: "Order prints", offsetDays: 1 }],
    });
    await inTx((tx) => applyWorkflow(tx, { studioId, jobId: job.id, templateId: prints.id }));
    expect((await db().task.findFirstOrThrow({ where: { jobId: job.id, workflow: "Prints" } })).position).toBe(3);
  });

  it("refuses another studio's job or template with NOT_FOUND and creates nothing", async () => {
    const { studioId } = await studio();
    const other = await studio();
    const template = await createTemplateRow(db(), { studioId });
    const otherTemplate = await createTemplateRow(db(), { studioId: other.studioId });
    const job = await createJob(db(), { studioId });
    const otherJob = await createJob(db(), { studioId: other.studioId });
    await expect(
      inTx((tx) => applyWorkflow(tx, { studioId, jobId: otherJob.id, templateId: template.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) => applyWorkflow(tx, { studioId, jobId: job.id, templateId: otherTemplate.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().task.count({ where: { studioId: { in: [studioId, other.studioId] } } })).toBe(0);
    expect(await db().notification.count({ where: { studioId: { in: [studioId, other.studioId] } } })).toBe(0);
  });

  it("advances What's Next to the job's next open task when one is completed", async () => {
    const { studioId } = await studio();
    const template = await createTemplateRow(db(), { studioId });
    const job = await createJob(db(), { studioId, title: "Chen Wedding", date: utcDate("2027-06-05") });
    await inTx((tx) => applyWorkflow(tx, { studioId, jobId: job.id, templateId: template.id }));
    const now = new Date("2027-06-22T12:00:00Z");

    const { timeZone } = await db().studio.findUniqueOrThrow({ where: { id: studioId }, select: { timeZone: true } });
    // What the dashboard shows for a task: overdue or not, by how many days, and its label.
    const due = (t: { dueAt: Date }) => [
      t.dueAt.getTime() < now.getTime(),
      overdueDays(t.dueAt, now, timeZone),
      describeDue(t.dueAt, now, timeZone),
    ];
    const [before] = (await findWhatsNextPage(read(), { studioId })).rows;
    expect([before.jobTitle, formatTask(before)]).toEqual(["Chen Wedding", "Leather Album → Album Design"]);
    expect(due(before)).toEqual([true, 3, "Overdue by 3 days"]);

    const result = await inTx((tx) => completeTask(tx, { studioId, taskId: before.id, now }));
    expect(result.next?.name).toBe("Client Approves Design");
    const [after] = (await findWhatsNextPage(read(), { studioId })).rows;
    expect([after.jobTitle, formatTask(after)]).toEqual(["Chen Wedding", "Leather Album → Client Approves Design"]);
    expect(due(after)).toEqual([false, 0, "Due Jun 26"]);
    expect(
      await db().notification.count({ where: { studioId, kind: "task.completed", link: `/jobs/${job.id}/workflow` } }),
    ).toBe(1);

    await expect(inTx((tx) => completeTask(tx, { studioId, taskId: before.id, now }))).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses to complete another studio's task with NOT_FOUND and leaves it open", async () => {
    const { studioId } = await studio();
    const other = await studio();
    const otherJob = await createJob(db(), { studioId: other.studioId });
    const task = await db().task.create({
      data: {
        studioId: other.studioId,
        jobId: otherJob.id,
        workflow: "Album",
        position: 0,
        name: "Design",
        dueAt: new Date(),
      },
    });
    await expect(inTx((tx) => completeTask(tx, { studioId, taskId: task.id }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).completedAt).toBeNull();
  });

  it("lists one next task per job that is not cancelled, soonest first, filterable by brand", async () => {
    const { studioId, brands } = await studio();
    const template = await createTemplateRow(db(), { studioId });
    const wedding = await createJob(db(), {
      studioId,
      brandId: brands[0].id,
      title: "Wedding",
      date: utcDate("2027-06-05"),
    });
    const portrait = await createJob(db(), {
      studioId,
      brandId: brands[1].id,
      title: "Portrait",
      date: utcDate("2027-05-01"),
    });
    const cancelled = await createJob(db(), {
      studioId,
      brandId: brands[0].id,
      title: "Cancelled",
      date: utcDate("2027-04-01"),
      status: "CANCELLED",
    });
    for (const job of [wedding, portrait, cancelled])
      await inTx((tx) => applyWorkflow(tx, { studioId, jobId: job.id, templateId: template.id }));
    const now = new Date("2027-01-01T00:00:00Z");

    const next = (await findWhatsNextPage(read(), { studioId })).rows;
    expect(next.map((t) => [t.jobTitle, t.name])).toEqual([
      ["Portrait", "Album Design"],
      ["Wedding", "Album Design"],
    ]);
    expect((await findWhatsNextPage(read(), { studioId, brandId: brands[0].id })).rows.map((t) => t.jobTitle)).toEqual([
      "Wedding",
    ]);
    expect((await findOpenTaskPage(read(), { studioId, now, timeZone: "UTC" })).rows).toHaveLength(6);

    const other = await studio();
    expect((await findWhatsNextPage(read(), { studioId: other.studioId })).rows).toEqual([]);
  });
});
