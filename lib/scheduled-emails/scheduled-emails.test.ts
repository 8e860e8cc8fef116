import { z } from "zod";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runBillingTick } from "@/lib/billing/tick";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changeJobStatus } from "@/lib/jobs/mutations";
import { applyReschedule } from "@/lib/reschedule/mutations";
import { planReschedule } from "@/lib/reschedule/plan";
import { sendScheduledEmailNow, skipScheduledEmail, updateScheduledEmail } from "@/lib/scheduled-emails/mutations";
import { sendDueScheduledEmails } from "@/lib/scheduled-emails/send";
import { updateScheduledEmailSchema } from "@/lib/scheduled-emails/schemas";
import { createServiceDb, type ServiceDb } from "@/lib/service-db";
import { applyWorkflow, createWorkflowTemplate } from "@/lib/workflows/mutations";
import { createWorkflowTemplateSchema } from "@/lib/workflows/schemas";
import { createJob, createStudio, randomSuffix } from "@/prisma/factories";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const db = () => primaryDb();
// The app's write transactions may take 15 s (lib/write-core.ts).
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn, { maxWait: 5_000, timeout: 15_000 });
const errorOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (e: unknown) => e as AppError,
  );

let scratch: ScratchDatabase;
let service: ServiceDb;
beforeAll(async () => {
  // The billing step sends every due email of its database at clock times months ahead: a
  // database of its own keeps the files beside this one out of it.
  scratch = await createScratchDatabase(inject("database"), { prefix: "wfemail", queue: true });
  process.env.DATABASE_URL = scratch.url;
  process.env.DATABASE_REPLICA_URLS = scratch.replicaUrls.join(",");
  service = createServiceDb(scratch.url, "workflow-email-test", 3);
});
afterAll(async () => {
  await service?.$disconnect();
  await primaryDb().$disconnect();
  await scratch?.drop();
});

const TZ = "America/New_York";
const APPLIED = new Date("2027-01-04T15:00:00Z");
const WEAR = {
  subject: "What to wear for {{job.title}}",
  body: "Hi {{client.first_name}},\n\nFor {{job.date}}, soft colours photograph best.\n\n{{brand.name}}",
};

/** A June wedding with the "Wedding" workflow: a task, "What to wear" a week before, "Thank you" two days after. */
async function wedding({ email = `grace-${randomSuffix()}@example.com` }: { email?: string | null } = {}) {
  const { studio, owner, brands } = await createStudio(db(), { timeZone: TZ, brands: ["Lumen & Lace", "Northlight"] });
  const job = await createJob(db(), {
    studioId: studio.id,
    brandId: brands[1].id,
    title: "Nguyen–Walsh Wedding",
    date: new Date("2027-06-12T00:00:00Z"),
    contact: { name: "Grace Nguyen", email },
  });
  const input = createWorkflowTemplateSchema.parse({
    name: "Wedding",
    stepKind: ["TASK", "EMAIL", "EMAIL"],
    stepName: ["Scout the venue", "What to wear", "Thank you"],
    stepOffset: ["-14", "-7", "2"],
    stepAnchor: ["JOB_DATE", "JOB_DATE", "JOB_DATE"],
    stepSubject: ["", WEAR.subject, "Thank you, {{client.first_name}}"],
    stepBody: ["", WEAR.body, "It was a joy.\n\n{{brand.name}}"],
  });
  const template = await inTx((tx) => createWorkflowTemplate(tx, { studioId: studio.id, ...input }));
  const applied = await inTx((tx) =>
    applyWorkflow(tx, { studioId: studio.id, jobId: job.id, templateId: template.id, now: APPLIED }),
  );
  const emails = await db().scheduledEmail.findMany({ where: { jobId: job.id }, orderBy: { sendAt: "asc" } });
  return { studioId: studio.id, owner, job, email, applied, emails };
}

const statuses = async (jobId: string) =>
  (await db().scheduledEmail.findMany({ where: { jobId }, orderBy: { sendAt: "asc" } })).map((e) => e.status);

describe("a workflow's email steps", () => {
  it("are checked like any email to a client: subject and message present, every smart field one a job has", () => {
    const result = createWorkflowTemplateSchema.safeParse({
      name: "Wedding",
      stepKind: ["EMAIL", "EMAIL", "TASK"],
      stepName: ["What to wear", "Thank you", "Order album"],
      stepOffset: ["-7", "2", "30"],
      stepAnchor: ["JOB_DATE", "JOB_DATE", "JOB_DATE"],
      stepSubject: ["", "Thanks {{client.nickname}}", ""],
      stepBody: ["Hi", "{{custom.venue}}", ""],
    });
    expect(result.success).toBe(false);
    const errors = z.flattenError(result.error!).fieldErrors as Record<string, string[]>;
    expect(errors.steps).toEqual([
      "Step 1: enter the email's subject.",
      expect.stringMatching(/^Step 2 subject: Unknown field \{\{client\.nickname\}\}/),
      "Step 2 message: Custom fields cannot be used in an email.",
    ]);
    // A form from before email steps (no kinds) still makes tasks.
    const old = createWorkflowTemplateSchema.parse({
      name: "Album",
      stepName: ["Design"],
      stepOffset: ["7"],
      stepAnchor: ["JOB_DATE"],
    });
    expect(old.steps[0]).toMatchObject({ kind: "TASK", emailSubject: null, emailBody: null });
  });

  it("are scheduled when the workflow is applied: 9 am on the step's day in the studio's zone, beside the tasks", async () => {
    const w = await wedding();
    expect(w.applied).toMatchObject({ taskCount: 1, emailCount: 2 });
    expect(await db().task.count({ where: { jobId: w.job.id } })).toBe(1);
    expect(w.emails.map((e) => [e.name, e.status, e.sendAt.toISOString()])).toEqual([
      ["What to wear", "SCHEDULED", "2027-06-05T13:00:00.000Z"], // 9 am EDT
      ["Thank you", "SCHEDULED", "2027-06-14T13:00:00.000Z"],
    ]);
  });

  it("go once, at their moment, in the brand's name with the job's values filled in, however many runs race", async () => {
    const w = await wedding();
    expect(await sendDueScheduledEmails(service, { now: new Date("2027-06-05T12:59:59Z") })).toBe(0);
    const at = new Date("2027-06-05T13:00:30Z");
    // Three services' runs at once (the database holds the other tests' weddings too).
    await Promise.all([1, 2, 3].map(() => sendDueScheduledEmails(service, { now: at })));
    expect(await runBillingTick(service, { now: at })).toMatchObject({ workflowEmails: 0 });
    const outbox = await db().emailMessage.findMany({ where: { studioId: w.studioId, kind: "workflow.email" } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: w.email, subject: "What to wear for Nguyen–Walsh Wedding" });
    const sent = await renderQueuedEmail(db(), { id: outbox[0].id });
    expect(sent.text).toBe("Hi Grace,\n\nFor Saturday, June 12, 2027, soft colours photograph best.\n\nNorthlight");
    const row = await db().scheduledEmail.findUniqueOrThrow({ where: { id: w.emails[0].id } });
    expect(row).toMatchObject({ status: "SENT", emailId: outbox[0].id, settledAt: at });
    expect(await statuses(w.job.id)).toEqual(["SENT", "SCHEDULED"]);
  });

  it("are cancelled with the job and never go", async () => {
    const w = await wedding();
    await inTx((tx) => changeJobStatus(tx, { studioId: w.studioId, jobId: w.job.id, status: "CANCELLED" }));
    expect(await statuses(w.job.id)).toEqual(["CANCELLED", "CANCELLED"]);
    await sendDueScheduledEmails(service, { now: new Date("2027-07-01T00:00:00Z") });
    expect(await db().emailMessage.count({ where: { studioId: w.studioId, kind: "workflow.email" } })).toBe(0);
  });

  it("move with the job's date, listed in the reschedule preview", async () => {
    const w = await wedding();
    const plan = await planReschedule(dbForHost("primary"), {
      studioId: w.studioId,
      jobId: w.job.id,
      to: "2027-06-26",
      eventIds: [],
    });
    expect(plan!.lines.filter((l) => l.kind === "scheduled-email").map((l) => [l.label, l.after])).toEqual([
      ["Wedding → Email: What to wear", "2027-06-19T13:00:00.000Z"],
      ["Wedding → Email: Thank you", "2027-06-28T13:00:00.000Z"],
    ]);
    await inTx((tx) =>
      applyReschedule(tx, {
        studioId: w.studioId,
        userId: w.owner.id,
        input: { jobId: w.job.id, date: "2027-06-26", eventIds: [], fingerprint: plan!.fingerprint },
      }),
    );
    const moved = await db().scheduledEmail.findMany({ where: { jobId: w.job.id }, orderBy: { sendAt: "asc" } });
    expect(moved.map((e) => e.sendAt.toISOString())).toEqual(["2027-06-19T13:00:00.000Z", "2027-06-28T13:00:00.000Z"]);
    expect(await sendDueScheduledEmails(service, { now: new Date("2027-06-05T13:00:30Z") })).toBe(0);
  });

  it("can be edited or skipped until they go, and another studio's cannot be touched", async () => {
    const w = await wedding();
    const [wear, thanks] = w.emails;
    const edit = (fields: Record<string, string>, studioId = w.studioId) =>
      inTx((tx) =>
        updateScheduledEmail(tx, {
          studioId,
          input: updateScheduledEmailSchema.parse({ scheduledEmailId: wear.id, ...fields }),
          now: APPLIED,
        }),
      );
    const refused = await errorOf(edit({ subject: "Hi {{client.nickname}}", body: "x", sendOn: "2026-12-01" }));
    expect(refused?.code).toBe("VALIDATION");
    expect(refused?.fieldErrors?.subject?.[0]).toMatch(/client\.nickname/);
    expect(refused?.fieldErrors?.sendOn).toEqual(["Choose today or a later day."]);
    await edit({ subject: "Outfits!", body: "Bring two.", sendOn: "2027-06-01" });
    expect(await db().scheduledEmail.findUniqueOrThrow({ where: { id: wear.id } })).toMatchObject({
      subject: "Outfits!",
      body: "Bring two.",
      sendAt: new Date("2027-06-01T13:00:00Z"),
    });
    const other = await createStudio(db(), { timeZone: TZ });
    expect((await errorOf(edit({ subject: "x", body: "y", sendOn: "2027-06-01" }, other.studio.id)))?.code).toBe(
      "NOT_FOUND",
    );

    await inTx((tx) =>
      skipScheduledEmail(tx, { studioId: w.studioId, userName: "Ana", scheduledEmailId: thanks.id, now: APPLIED }),
    );
    expect(await db().scheduledEmail.findUniqueOrThrow({ where: { id: thanks.id } })).toMatchObject({
      status: "SKIPPED",
      note: "Skipped by Ana.",
    });
    const again = await errorOf(
      inTx((tx) => skipScheduledEmail(tx, { studioId: w.studioId, userName: "Ana", scheduledEmailId: thanks.id })),
    );
    expect(again?.code).toBe("CONFLICT");
    await sendDueScheduledEmails(service, { now: new Date("2027-07-01T00:00:00Z") });
    expect(await statuses(w.job.id)).toEqual(["SENT", "SKIPPED"]);
  });

  it("can be sent at once from the job's page, or refused with the reason and nothing changed", async () => {
    const w = await wedding();
    await inTx((tx) =>
      sendScheduledEmailNow(tx, { studioId: w.studioId, scheduledEmailId: w.emails[1].id, now: APPLIED }),
    );
    expect(await statuses(w.job.id)).toEqual(["SCHEDULED", "SENT"]);
    const outbox = await db().emailMessage.findFirstOrThrow({
      where: { studioId: w.studioId, kind: "workflow.email" },
    });
    expect(outbox).toMatchObject({ to: w.email, subject: "Thank you, Grace" });
    const twice = await errorOf(
      inTx((tx) => sendScheduledEmailNow(tx, { studioId: w.studioId, scheduledEmailId: w.emails[1].id })),
    );
    expect(twice?.code).toBe("CONFLICT");

    const nobody = await wedding({ email: null });
    const refused = await errorOf(
      inTx((tx) => sendScheduledEmailNow(tx, { studioId: nobody.studioId, scheduledEmailId: nobody.emails[0].id })),
    );
    expect(refused?.message).toBe("It cannot go: Grace Nguyen has no email address.");
    expect(await statuses(nobody.job.id)).toEqual(["SCHEDULED", "SCHEDULED"]);
  });

  it("that cannot go are kept as not sent with the reason, and the studio is told", async () => {
    const w = await wedding({ email: null });
    await sendDueScheduledEmails(service, { now: new Date("2027-06-05T13:00:30Z") });
    expect(await db().scheduledEmail.findUniqueOrThrow({ where: { id: w.emails[0].id } })).toMatchObject({
      status: "NOT_SENT",
      note: "Grace Nguyen has no email address.",
    });
    const notice = await db().notification.findFirstOrThrow({
      where: { studioId: w.studioId, kind: "scheduled-email.not-sent" },
    });
    expect(notice.message).toBe(
      '"What to wear" for Nguyen–Walsh Wedding was not sent: Grace Nguyen has no email address.',
    );
  });

  it("wait while the studio may not send (its owner's address unconfirmed) and go, once, when it may", async () => {
    const w = await wedding();
    await db().user.update({ where: { id: w.owner.id }, data: { emailVerifiedAt: null } });
    const at = new Date("2027-06-05T13:00:30Z");
    await sendDueScheduledEmails(service, { now: at });
    expect(await statuses(w.job.id)).toEqual(["SCHEDULED", "SCHEDULED"]);
    expect(await db().emailMessage.count({ where: { studioId: w.studioId } })).toBe(0);
    await db().user.update({ where: { id: w.owner.id }, data: { emailVerifiedAt: at } });
    await sendDueScheduledEmails(service, { now: new Date("2027-06-05T13:01:30Z") });
    expect(await statuses(w.job.id)).toEqual(["SENT", "SCHEDULED"]);
    expect(await db().emailMessage.count({ where: { studioId: w.studioId, kind: "workflow.email" } })).toBe(1);
  });

  it("whose moment passed before the workflow was applied are skipped, not sent late", async () => {
    const { studio, brands } = await createStudio(db(), { timeZone: TZ });
    const job = await createJob(db(), {
      studioId: studio.id,
      brandId: brands[0].id,
      title: "Late booking",
      date: new Date("2027-01-08T00:00:00Z"),
      contact: { name: "Ada", email: `ada-${randomSuffix()}@example.com` },
    });
    const input = createWorkflowTemplateSchema.parse({
      name: "Wedding",
      stepKind: ["EMAIL"],
      stepName: ["What to wear"],
      stepOffset: ["-7"],
      stepAnchor: ["JOB_DATE"],
      stepSubject: [WEAR.subject],
      stepBody: [WEAR.body],
    });
    const template = await inTx((tx) => createWorkflowTemplate(tx, { studioId: studio.id, ...input }));
    await inTx((tx) =>
      applyWorkflow(tx, { studioId: studio.id, jobId: job.id, templateId: template.id, now: APPLIED }),
    );
    expect(await db().scheduledEmail.findFirstOrThrow({ where: { jobId: job.id } })).toMatchObject({
      status: "SKIPPED",
      note: "Its day had passed when the workflow was applied.",
    });
  });
});
