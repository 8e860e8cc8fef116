import { z } from "zod";
import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import {
  answerQuestionnaire,
  createQuestionnaireTemplate,
  sendQuestionnaire,
  updateQuestionnaireTemplate,
} from "@/lib/questionnaires/mutations";
import { findQuestionnaireForClient } from "@/lib/questionnaires/queries";
import {
  answerField,
  answerQuestionnaireSchema,
  sendQuestionnaireSchema,
  createQuestionnaireTemplateSchema,
  updateQuestionnaireTemplateSchema,
} from "@/lib/questionnaires/schemas";
import { createJob, createQuestionnaireTemplate as createTemplateRow, createStudio } from "@/prisma/factories";
import { hashToken } from "@/lib/tokens";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();

async function studioWithJob() {
  const { studio } = await createStudio(db());
  const job = await createJob(db(), { studioId: studio.id, title: "Chen Wedding" });
  const template = await createTemplateRow(db(), { studioId: studio.id });
  return { studioId: studio.id, job, template };
}

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

describe("questionnaire templates", () => {
  it("turn the builder's parallel fields into questions with ids and options", () => {
    const parsed = createQuestionnaireTemplateSchema.parse({
      name: " Wedding details ",
      questionId: ["", ""],
      questionKind: ["short", "choice"],
      questionLabel: ["Venue", "First look?"],
      questionOptions: ["", "Yes\nNo\n\nYes"],
    });
    expect(parsed.name).toBe("Wedding details");
    expect(parsed.questions.map((q) => [q.kind, q.label, q.options])).toEqual([
      ["short", "Venue", undefined],
      ["choice", "First look?", ["Yes", "No"]],
    ]);
    expect(parsed.questions[0].id).not.toBe(parsed.questions[1].id);
  });

  it("reject a blank name, a blank question, an unknown kind and a choice without two options, naming each question", () => {
    const result = createQuestionnaireTemplateSchema.safeParse({
      name: " ",
      questionId: ["", "", ""],
      questionKind: ["short", "bogus", "choice"],
      questionLabel: ["", "Colour?", "First look?"],
      questionOptions: ["", "", "Yes"],
    });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result);
    expect(errors.name).toEqual(["Give the questionnaire a name."]);
    expect(errors.questions).toEqual([
      "Question 1: enter the question.",
      "Question 2: choose a kind of answer.",
      "Question 3: a choice needs at least two options, one per line.",
    ]);
  });

  it("send and answer forms explain a missing questionnaire and a broken link", () => {
    expect(fieldErrors(sendQuestionnaireSchema.safeParse({ jobId: "j", templateId: "" })).templateId).toEqual([
      "Choose a questionnaire to send.",
    ]);
    expect(fieldErrors(answerQuestionnaireSchema.safeParse({ token: "short" })).token).toEqual([
      "This link is not valid.",
    ]);
    expect(answerQuestionnaireSchema.parse({ token: "x".repeat(32), answer_venue: "Here" })).toEqual({
      token: "x".repeat(32),
      intent: "save",
      answer_venue: "Here",
    });
  });

  it("reject a template without questions", () => {
    expect(fieldErrors(createQuestionnaireTemplateSchema.safeParse({ name: "Empty" })).questions).toEqual([
      "Add at least one question.",
    ]);
  });

  it("are created and edited within the studio; another studio's template is NOT_FOUND and unchanged", async () => {
    const { studioId } = await studioWithJob();
    const other = await studioWithJob();
    const form = createQuestionnaireTemplateSchema.parse({
      name: "Portrait prep",
      questionKind: ["date"],
      questionLabel: ["Preferred date"],
      questionId: [""],
      questionOptions: [""],
    });
    const { id } = await inTx((tx) => createQuestionnaireTemplate(tx, { studioId, ...form }));
    const edit = updateQuestionnaireTemplateSchema.parse({
      templateId: id,
      name: "Portrait prep v2",
      questionKind: ["long"],
      questionLabel: ["Anything else?"],
      questionId: [""],
      questionOptions: [""],
    });
    await inTx((tx) => updateQuestionnaireTemplate(tx, { studioId, ...edit }));
    expect(await db().questionnaireTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Portrait prep v2",
      questions: [{ kind: "long", label: "Anything else?" }],
    });

    await expect(
      inTx((tx) => updateQuestionnaireTemplate(tx, { studioId, ...edit, templateId: other.template.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().questionnaireTemplate.findUniqueOrThrow({ where: { id: other.template.id } })).name).toBe(
      other.template.name,
    );
  });
});

describe("sending a questionnaire", () => {
  it("snapshots the questions, gives the client an unguessable link by email and notifies the studio", async () => {
    const { studioId, job, template } = await studioWithJob();
    const sent = await inTx((tx) => sendQuestionnaire(tx, { studioId, jobId: job.id, templateId: template.id }));
    const row = await db().questionnaire.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({
      studioId,
      jobId: job.id,
      status: "SENT",
      title: template.name,
      questions: template.questions,
      answers: {},
    });
    expect(sent.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.tokenHash).toBe(hashToken(sent.token));

    const [email] = await db().emailMessage.findMany({ where: { studioId, kind: "questionnaire.sent" } });
    expect(email.to).toBe(job.contact.email);
    expect(email.status).toBe("QUEUED");
    expect(email.params).toEqual({ questionnaireId: sent.id });
    expect((await renderQueuedEmail(db(), { id: email.id })).text).toContain(`/q/${sent.token}`);
    const jobs = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND data->>'emailId' = $1`,
      email.id,
    );
    expect(jobs[0].n).toBe(1);
    expect(
      await db().notification.findMany({ where: { studioId, kind: "questionnaire.sent" }, select: { link: true } }),
    ).toEqual([{ link: `/jobs/${job.id}/questionnaires` }]);

    // Editing the template later does not change what the client was sent.
    await db().questionnaireTemplate.update({ where: { id: template.id }, data: { questions: [] } });
    expect((await db().questionnaire.findUniqueOrThrow({ where: { id: sent.id } })).questions).toEqual(
      template.questions,
    );
  });

  it("refuses another studio's job or template with NOT_FOUND and creates nothing", async () => {
    const { studioId, job, template } = await studioWithJob();
    const other = await studioWithJob();
    await expect(
      inTx((tx) => sendQuestionnaire(tx, { studioId, jobId: other.job.id, templateId: template.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) => sendQuestionnaire(tx, { studioId, jobId: job.id, templateId: other.template.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const id of [studioId, other.studioId]) {
      expect(await db().questionnaire.count({ where: { studioId: id } })).toBe(0);
      expect(await db().emailMessage.count({ where: { studioId: id } })).toBe(0);
      expect(await db().notification.count({ where: { studioId: id } })).toBe(0);
    }
  });

  it("refuses a client without an email address and creates nothing", async () => {
    const { studioId, template } = await studioWithJob();
    const job = await createJob(db(), { studioId, contact: { email: null } });
    await expect(
      inTx((tx) => sendQuestionnaire(tx, { studioId, jobId: job.id, templateId: template.id })),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db().questionnaire.count({ where: { studioId } })).toBe(0);
    expect(await db().emailMessage.count({ where: { studioId } })).toBe(0);
  });
});

describe("answering a questionnaire", () => {
  async function sent() {
    const fixture = await studioWithJob();
    const { token } = await inTx((tx) =>
      sendQuestionnaire(tx, { studioId: fixture.studioId, jobId: fixture.job.id, templateId: fixture.template.id }),
    );
    return { ...fixture, token };
  }
  const answer = (token: string, raw: Record<string, unknown>, submit = false) =>
    inTx((tx) => answerQuestionnaire(tx, { token, raw, submit }));
  const stored = (token: string) => db().questionnaire.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
  const responses = (studioId: string) =>
    db().notification.findMany({ where: { studioId, kind: "questionnaire.submitted" } });

  it("saves partial answers without submitting or notifying", async () => {
    const { studioId, token } = await sent();
    await answer(token, { [answerField("venue")]: "  Wave Hill  ", [answerField("first-look")]: "" });
    expect(await stored(token)).toMatchObject({ status: "SENT", answers: { venue: "Wave Hill" }, submittedAt: null });
    expect(await responses(studioId)).toHaveLength(0);
  });

  it("rejects a choice that is not an option, keeping what was saved before", async () => {
    const { token } = await sent();
    await answer(token, { [answerField("venue")]: "Wave Hill" });
    await expect(
      answer(token, { [answerField("venue")]: "Elsewhere", [answerField("first-look")]: "Maybe" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { [answerField("first-look")]: ["Choose one of the options."] },
    });
    expect((await stored(token)).answers).toEqual({ venue: "Wave Hill" });
  });

  it("submits once, notifies the photographer, and is read-only afterwards", async () => {
    const { studioId, job, token } = await sent();
    await answer(token, { [answerField("venue")]: "Wave Hill", [answerField("first-look")]: "Yes" }, true);
    const row = await stored(token);
    expect(row.status).toBe("SUBMITTED");
    expect(row.submittedAt).toBeInstanceOf(Date);
    const notes = await responses(studioId);
    expect(notes.map((n) => [n.message, n.link])).toEqual([
      ["Your questionnaire for Chen Wedding has received a response", `/jobs/${job.id}/questionnaires`],
    ]);

    await expect(answer(token, { [answerField("venue")]: "Changed" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(answer(token, { [answerField("venue")]: "Changed" }, true)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await stored(token)).answers).toEqual({ venue: "Wave Hill", "first-look": "Yes" });
    expect(await responses(studioId)).toHaveLength(1);
  });

  it("rejects a date that does not exist", async () => {
    const { studioId, job } = await studioWithJob();
    const template = await createTemplateRow(db(), {
      studioId,
      questions: [{ id: "rehearsal", kind: "date", label: "Rehearsal date" }],
    });
    const { token } = await inTx((tx) => sendQuestionnaire(tx, { studioId, jobId: job.id, templateId: template.id }));
    await expect(answer(token, { [answerField("rehearsal")]: "2027-02-30" })).rejects.toMatchObject({
      fieldErrors: { [answerField("rehearsal")]: ["Enter a real date (YYYY-MM-DD)."] },
    });
    await answer(token, { [answerField("rehearsal")]: "2027-02-28" });
    expect((await stored(token)).answers).toEqual({ rehearsal: "2027-02-28" });
  });

  it("answers NOT_FOUND for an unknown token", async () => {
    await expect(answer("x".repeat(32), {})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the client only the questionnaire itself and the studio's name", async () => {
    const { token, studioId } = await sent();
    const view = await findQuestionnaireForClient(dbForHost("primary"), { token });
    const studio = await db().studio.findUniqueOrThrow({ where: { id: studioId } });
    expect(Object.keys(view!).sort()).toEqual(["answers", "questions", "status", "studioName", "submittedAt", "title"]);
    expect(view!.studioName).toBe(studio.name);
  });
});
