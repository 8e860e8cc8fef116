import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createJob, createLead, createQuestionnaireTemplate, createStudio, createTask } from "@/prisma/factories";
import { primaryDb } from "@/lib/db";
import { decodePin, pinCovers, PIN_COOKIE_PREFIX } from "@/lib/replication/pins";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { waitForReplay } from "@/scripts/testing/database";
import { HttpSession } from "@/scripts/testing/http";
import { readServerActions } from "@/scripts/bench/lib/server-actions";
import { formOf, sendAction, submitAction, type ActionAnswer } from "@/scripts/testing/server-actions";

// A user working fast, as a browser would send it, against replica-1 (WAL applied 3 s late): two
// writes sent at once with the same cookies, their answers applied in both orders; and 200 writes
// in a row. Every page either write changed must show it at once, and the cookies stay small.

const { primaryUrl, replicaUrls } = inject("database");
const delayed = { primaryUrl, replicaUrls: [replicaUrls[0]] };
const SECRET = "concurrent-writes-session-secret-0123456789";
const PIN_BUDGET_BYTES = 1024;

const db = () => primaryDb();
const unique = (tag: string) => `${tag} ${Math.random().toString(36).slice(2, 8)}`;
const actions = () => Object.fromEntries(readServerActions().map((a) => [a.exportedName, a]));

/** The Cookie header as the next request sends it, and the part of it that is pins. */
function measure(http: HttpSession) {
  const header = http.cookieHeader();
  const pins = header.split("; ").filter((c) => c.startsWith(PIN_COOKIE_PREFIX));
  return { header: Buffer.byteLength(header), pins: Buffer.byteLength(pins.join("; ")) };
}

function livePins(http: HttpSession) {
  return http
    .cookieHeader()
    .split("; ")
    .filter((c) => c.startsWith(PIN_COOKIE_PREFIX))
    .map((c) => decodePin(c.slice(c.indexOf("=") + 1), [SECRET]))
    .filter((p) => p !== null);
}

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]}, median ${s[Math.floor(s.length / 2)]}, max ${s[s.length - 1]} bytes over ${s.length} requests`;
};

/** The brand picker in the header shows this brand. */
const isSelected = (html: string, brandId: string) =>
  new RegExp(`<option value="${brandId}"[^>]*selected=""`).test(html);

function expectOk(answer: ActionAnswer, what: string) {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBe(200);
  expect(answer.redirect ?? answer.state?.ok, `${what}: ${JSON.stringify(answer.state)}`).toBeTruthy();
}

describe("read-your-writes with a user working fast (replica 3 s behind)", () => {
  let app: TestApp;
  let http: HttpSession;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  const headerSizes: number[] = [];
  const pinSizes: number[] = [];

  async function makeWorld() {
    const { studio, owner, brands, password } = await createStudio(db(), {
      brands: ["Weddings by Fast", "Portraits by Fast"],
    });
    const jobs = [];
    for (let i = 0; i < 12; i++) jobs.push(await createJob(db(), { studioId: studio.id, title: `Fast job ${i}` }));
    const job = jobs[0];
    const invites = [];
    for (let i = 0; i < 60; i++) {
      invites.push(
        await db().invite.create({
          data: {
            studioId: studio.id,
            email: `fast-${i}-${studio.id.slice(-6)}@example.com`,
            tokenHash: `hash-${studio.id}-${i}`,
            invitedById: owner.id,
            expiresAt: new Date(Date.now() + 86_400_000),
          },
        }),
      );
    }
    const tasks = [];
    for (let i = 0; i < 60; i++)
      tasks.push(
        await createTask(db(), {
          studioId: studio.id,
          jobId: jobs[i % jobs.length].id,
          name: `Task ${i}`,
          workflow: "Fast",
          position: i,
        }),
      );
    const template = await createQuestionnaireTemplate(db(), { studioId: studio.id, name: "Fast questions" });
    const lead = await createLead(db(), { studioId: studio.id, name: "Fast lead" });
    return { studio, owner, brands, password, job, invites, tasks, template, lead };
  }

  beforeAll(async () => {
    app = await startTestApp({ ...delayed, env: { SESSION_SECRET: SECRET } });
    world = await makeWorld();
    await waitForReplay(delayed);
    http = new HttpSession(app.url);
    await http.signIn(world.owner.email, world.password);
  });
  afterAll(() => app?.stop());

  /** Sends the writes at once with the same cookies, then applies their answers in `order`. */
  async function concurrently(requests: Parameters<typeof sendAction>[1][], order: number[]): Promise<ActionAnswer[]> {
    const answers = await Promise.all(requests.map((r) => sendAction(http, r)));
    for (const i of order) http.absorb(answers[i].response);
    const size = measure(http);
    headerSizes.push(size.header);
    pinSizes.push(size.pins);
    return answers;
  }

  async function page(path: string) {
    const size = measure(http);
    headerSizes.push(size.header);
    pinSizes.push(size.pins);
    return http.getText(path);
  }

  /** What the browser does once a page showed flash messages: asks the server to forget them. */
  async function clearShownFlashes() {
    const ids = http
      .cookieHeader()
      .split("; ")
      .filter((c) => c.startsWith("shootq_flash_"))
      .map((c) => c.slice("shootq_flash_".length, c.indexOf("=")));
    if (ids.length === 0) return;
    const answer = await sendAction(http, { action: actions().clearFlashAction, page: "/dashboard", args: [ids] });
    http.absorb(answer.response);
  }

  it("100 rounds of two different writes sent at once, answers applied in both orders: every page either changed shows it at once", async () => {
    const a = actions();
    const stale: string[] = [];
    let invite = 0;
    // Lists follow the brand filter: each lead is made for the brand the filter shows.
    let chosen = world.brands[0];
    for (let round = 0; round < 100; round++) {
      const order = round % 4 < 2 ? [0, 1] : [1, 0];
      if (round % 2 === 0) {
        const lead = unique("Lead");
        const workflow = unique("Workflow");
        const [made] = await concurrently(
          [
            {
              action: a.createLeadAction,
              page: "/leads/new",
              args: [
                { ok: false },
                formOf({ name: lead, email: "fast@example.com", eventType: "wedding", brandId: chosen.id }),
              ],
            },
            {
              action: a.createWorkflowAction,
              page: "/workflows/new",
              args: [
                { ok: false },
                formOf({ name: workflow, "stepName[]": "Cull", "stepOffset[]": "3", "stepAnchor[]": "JOB_DATE" }),
              ],
            },
          ],
          order,
        );
        expect(made.redirect).toMatch(/^\/leads\/[\w-]+$/);
        const pins = livePins(http);
        expect(
          pins.some((p) => pinCovers(p, made.redirect!)),
          `round ${round}: no pin covers ${made.redirect}`,
        ).toBe(true);
        expect(
          pins.some((p) => pinCovers(p, "/workflows")),
          `round ${round}: no pin covers /workflows`,
        ).toBe(true);
        for (const [path, text] of [
          [made.redirect!, lead],
          ["/leads", lead],
          ["/workflows", workflow],
        ]) {
          const shown = await page(path);
          if (shown.status !== 200 || !shown.text.includes(text))
            stale.push(
              `round ${round} (${order}): ${path} lacks "${text}" (HTTP ${shown.status}, read from ${shown.reads})`,
            );
        }
      } else {
        const brand = world.brands[(round >> 1) % 2];
        chosen = brand;
        const cancelled = world.invites[invite++];
        const answers = await concurrently(
          [
            {
              action: a.chooseBrandAction,
              page: "/dashboard",
              args: [{ ok: false }, formOf({ brandId: brand.id, returnTo: "/dashboard" })],
            },
            {
              action: a.revokeInviteAction,
              page: "/settings/team",
              args: [{ ok: false }, formOf({ inviteId: cancelled.id })],
            },
          ],
          order,
        );
        answers.forEach((answer, i) => expectOk(answer, ["chooseBrandAction", "revokeInviteAction"][i]));
        const team = await page("/settings/team");
        if (team.text.includes(cancelled.email))
          stale.push(`round ${round}: /settings/team still lists ${cancelled.email} (read from ${team.reads})`);
        if (!team.text.includes("Invitation cancelled.")) stale.push(`round ${round}: the flash message was lost`);
        if (!isSelected(team.text, brand.id)) stale.push(`round ${round}: the brand choice was lost`);
        await clearShownFlashes();
      }
    }
    expect(stale).toEqual([]);
    expect(Math.max(...pinSizes)).toBeLessThan(PIN_BUDGET_BYTES);
    console.log(`two writes at once: Cookie header ${summary(headerSizes)}; pins alone ${summary(pinSizes)}`);
  }, 240_000);

  it("200 writes in a row: the cookie stays within its bound, and pins, flash and brand choice still work at the end", async () => {
    const a = actions();
    const sizes: number[] = [];
    const pins: number[] = [];
    const brand = world.brands[1];
    expectOk(
      await submitAction(http, a.chooseBrandAction, "/dashboard", { brandId: brand.id, returnTo: "/dashboard" }),
      "chooseBrandAction",
    );
    const { job, template, tasks, lead } = world;
    const writes = [
      () =>
        submitAction(http, a.updateQuestionnaireAction, `/questionnaires/${template.id}`, {
          templateId: template.id,
          name: unique("Questions"),
          "questionId[]": "q1",
          "questionKind[]": "short",
          "questionLabel[]": "Where?",
          "questionOptions[]": "",
        }),
      (i: number) =>
        submitAction(http, a.completeTaskAction, "/tasks", { taskId: tasks[Math.floor(i / 4) % tasks.length].id }),
      () => submitAction(http, a.addLeadNoteAction, `/leads/${lead.id}`, { leadId: lead.id, body: unique("Note") }),
      () => submitAction(http, a.changeJobStatusAction, `/jobs/${job.id}`, { jobId: job.id, status: "PROPOSED" }),
    ];
    for (let i = 0; i < 200; i++) {
      expectOk(await writes[i % writes.length](i), `write ${i}`);
      const size = measure(http);
      sizes.push(size.header);
      pins.push(size.pins);
    }
    expect(Math.max(...pins)).toBeLessThan(PIN_BUDGET_BYTES);
    console.log(`200 writes in a row: Cookie header ${summary(sizes)}; pins alone ${summary(pins)}`);

    // Still working: a new lead's page at once, a flash message, the brand chosen before the 200 writes.
    const name = unique("Last lead");
    const made = await submitAction(http, a.createLeadAction, "/leads/new", {
      name,
      email: "last@example.com",
      eventType: "portrait",
    });
    const shown = await http.getText(made.redirect!);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(name);
    expect(shown.reads).toBe("primary");
    expectOk(
      await submitAction(http, a.revokeInviteAction, "/settings/team", {
        inviteId: world.invites[world.invites.length - 1].id,
      }),
      "revokeInviteAction",
    );
    const team = await http.getText("/settings/team");
    expect(team.text).toContain("Invitation cancelled.");
    expect(isSelected(team.text, brand.id)).toBe(true);
  }, 240_000);
});
