import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { solidPng } from "@/scripts/testing/images";
import { createJob, createLead, createStudio } from "@/prisma/factories";
import { primaryDb } from "@/lib/db";
import { createApiToken } from "@/lib/api-tokens/mutations";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";
import { DIST_DIR } from "@/scripts/lib/paths";
import { createFullStudio } from "@/scripts/testing/full-studio";
import { type PrismaClient } from "@/prisma/generated/prisma/client";

// Walks every page route and every server action of the build as a user of studio A, aimed at
// the ids of studio B. Every answer must be a 404 (or a form error) and B must be unchanged.

const database = inject("database");
const db = () => primaryDb();
const marker = `Zz${Math.random().toString(36).slice(2, 10)}`;

type BIds = Record<string, string>;

/** Everything of studio B, as one comparable string. */
async function fingerprint(studioId: string): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ t: string; h: string | null }[]>(
    `
    SELECT 'studio' t, md5(string_agg(row_to_json(s)::text, '')) h FROM "Studio" s WHERE id = $1
    UNION ALL SELECT c.table_name, NULL FROM information_schema.columns c WHERE false`,
    studioId,
  );
  const tables = await db().$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'studioId' ORDER BY table_name`,
  );
  const parts = [JSON.stringify(rows)];
  for (const { table_name } of tables) {
    const r = await db().$queryRawUnsafe<{ h: string | null }[]>(
      `SELECT md5(string_agg(row_to_json(x)::text, '' ORDER BY row_to_json(x)::text)) h FROM "${table_name}" x WHERE "studioId" = $1`,
      studioId,
    );
    parts.push(`${table_name}:${r[0].h}`);
  }
  const children = [
    `SELECT md5(string_agg(row_to_json(i)::text, '' ORDER BY i.id)) h FROM "ProposalItem" i JOIN "Proposal" p ON p.id = i."proposalId" WHERE p."studioId" = $1`,
    `SELECT md5(string_agg(row_to_json(s)::text, '' ORDER BY s.id)) h FROM "WorkflowStepTemplate" s JOIN "WorkflowTemplate" w ON w.id = s."templateId" WHERE w."studioId" = $1`,
    `SELECT md5(string_agg(row_to_json(r)::text, '' ORDER BY r.id)) h FROM "Referral" r WHERE r."fromStudioId" = $1 OR r."toStudioId" = $1`,
    `SELECT md5(string_agg(row_to_json(l)::text, '' ORDER BY l.id)) h FROM "InvoiceLine" l JOIN "Invoice" i ON i.id = l."invoiceId" WHERE i."studioId" = $1`,
    `SELECT md5(string_agg(row_to_json(s)::text, '' ORDER BY s.id)) h FROM "PaymentScheduleStep" s JOIN "PaymentScheduleTemplate" t ON t.id = s."templateId" WHERE t."studioId" = $1`,
    `SELECT count(*)::text h FROM "NotificationRead" nr JOIN "User" u ON u.id = nr."userId" WHERE u."studioId" = $1`,
  ];
  for (const sql of children)
    parts.push((await db().$queryRawUnsafe<{ h: string | null }[]>(sql, studioId))[0].h ?? "none");
  return parts.join("\n");
}

type Manifest = Record<string, string>;
const appPaths = (): string[] =>
  Object.keys(JSON.parse(readFileSync(path.join(DIST_DIR, "server", "app-paths-manifest.json"), "utf8")) as Manifest);
const actions = () =>
  Object.entries(
    (
      JSON.parse(readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
        node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
      }
    ).node,
  ).map(([id, a]) => ({ id, page: Object.keys(a.workers)[0], name: `${a.filename}#${a.exportedName}` }));

/** "/(studio)/leads/[id]/page" -> "/leads/<id>", with each dynamic segment given by `fill`. */
function toUrl(route: string, fill: (param: string, before: string) => string | undefined): string | undefined {
  const segments = route
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  const out: string[] = [];
  for (const [i, s] of segments.entries()) {
    const m = /^\[(.+)\]$/.exec(s);
    if (!m) {
      out.push(s);
      continue;
    }
    const value = fill(m[1], segments[i - 1] ?? "");
    if (value === undefined) return undefined;
    out.push(value);
  }
  return `/${out.join("/")}`;
}

// Routes opened by a capability (a token or public slug) rather than by a signed-in studio.
const CAPABILITY_ROUTES = /\[token\]|\[slug\]|\[\.\.\.nextauth\]|^\/_|^\/api\//;

function idFor(ids: BIds, param: string, before: string): string | undefined {
  if (param === "eventId") return ids.eventId;
  if (param === "contractId") return ids.contractId;
  if (param === "proposalId") return ids.proposalId;
  if (param === "endpointId") return ids.endpointId;
  const byFolder: Record<string, string> = {
    leads: ids.leadId,
    jobs: ids.jobId,
    clients: ids.contactId,
    questionnaires: ids.questionnaireTemplateId,
    workflows: ids.workflowTemplateId,
    referrals: ids.referralId,
    bookings: ids.bookingId,
    invoices: ids.invoiceId,
    emails: ids.emailId,
    proposals: ids.proposalId,
    events: ids.eventId,
    tasks: ids.taskId,
    contracts: ids.contractTemplateId,
    imports: ids.importId,
    saved: ids.savedEmailId,
  };
  return param === "id" ? byFolder[before] : undefined;
}

let encodeReply: (value: unknown) => Promise<FormData | string>;

describe("nobody sees or changes another studio's data", () => {
  let app: TestApp;
  let http: HttpSession;
  let ids: BIds;
  let ownIds: { leadId: string; jobId: string };
  let apiSecret: string;

  beforeAll(async () => {
    // React's own encoder for server-action arguments, as the browser sends them.
    const require = createRequire(import.meta.url);
    ({
      encodeReply,
    } = require("next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.node.production.js"));
    // The app's client differs from a plain one only in the secrets it omits, which the builder never reads.
    ids = (await createFullStudio(db() as unknown as PrismaClient, marker)).ids;
    const a = await createStudio(db());
    const ownLead = await createLead(db(), { studioId: a.studio.id });
    const ownJob = await createJob(db(), { studioId: a.studio.id });
    ownIds = { leadId: ownLead.id, jobId: ownJob.id };
    ({ secret: apiSecret } = await db().$transaction((tx) =>
      createApiToken(tx, { studioId: a.studio.id, userId: a.owner.id, input: { name: "Walk", scope: "WRITE" } }),
    ));
    // Reads on the primary only: this test is about tenancy, not replication.
    app = await startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: [] });
    http = new HttpSession(app.url);
    await http.signIn(a.owner.email, a.password);
  });
  afterAll(() => app?.stop());

  it("every page route given another studio's ids answers 404 and shows none of its data", async () => {
    const checked: string[] = [];
    for (const route of appPaths()) {
      if (CAPABILITY_ROUTES.test(route) || !route.includes("[")) continue;
      const url = toUrl(route, (param, before) => idFor(ids, param, before));
      expect(url, `no id mapping for ${route}: add one in idFor so this route is walked`).toBeDefined();
      const page = await http.getText(url!);
      expect.soft(page.status, `${url}`).toBe(404);
      expect.soft(page.text.includes(marker), `${url} leaks studio B's data`).toBe(false);
      checked.push(url!);
    }
    expect(checked.length).toBeGreaterThanOrEqual(6);
  });

  // The search term is a prefix of B's marker: pages echo it, but only a leak shows it whole.
  it("every page without ids, even with another studio's ids in its query string, shows none of its data", async () => {
    const query = new URLSearchParams({
      leadId: ids.leadId,
      jobId: ids.jobId,
      contactId: ids.contactId,
      id: ids.jobId,
      brandId: ids.brandId,
      templateId: ids.templateId,
      q: marker.slice(0, 7),
    }).toString();
    let checked = 0;
    for (const route of appPaths()) {
      if (CAPABILITY_ROUTES.test(route) || route.includes("[")) continue;
      const url = toUrl(route, () => undefined)!;
      const page = await http.getText(`${url}?${query}`);
      expect.soft(page.status, url).toBeLessThan(500);
      expect.soft(page.text.includes(marker), `${url} leaks studio B's data`).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it("every /api/v1 route and method, with a token of this studio, answers another studio's ids with 404, lists none of its data and changes none of it", async () => {
    const before = await fingerprint(ids.studioId);
    const byFolder: Record<string, string> = {
      leads: ids.leadId,
      jobs: ids.jobId,
      clients: ids.contactId,
      events: ids.eventId,
      proposals: ids.proposalId,
      contracts: ids.contractId,
      invoices: ids.invoiceId,
      tasks: ids.taskId,
    };
    // A valid body for each write, so only the tenancy check can refuse it; a POST that takes no
    // id of B's (a new lead) is not about tenancy and is left to the API's own tests.
    const writes: Record<string, unknown> = {
      "PATCH /api/v1/leads/[id]": { status: "LOST", name: "Intruder" },
      "PATCH /api/v1/clients/[id]": { name: "Intruder", notes: "x" },
      "PATCH /api/v1/events/[id]": { name: "Intruder" },
      "PATCH /api/v1/tasks/[id]": { completed: true },
      "PATCH /api/v1/jobs/[id]": { status: "CANCELLED", title: "Intruder" },
      "POST /api/v1/jobs": { title: "Intruder", type: "wedding", brandId: ids.brandId, contactId: ids.contactId },
      "POST /api/v1/events": { jobId: ids.jobId, name: "Intruder", date: "2030-01-01", startTime: "10:00" },
    };
    const routes = appPaths().filter((r) => r.startsWith("/api/v1/") && r.endsWith("/route"));
    const walked: string[] = [];
    for (const route of routes) {
      const url = toUrl(route, (param, before) => (param === "id" ? byFolder[before] : undefined));
      expect(url, `no id mapping for ${route}: add one so this route is walked`).toBeDefined();
      const source = readFileSync(path.resolve(import.meta.dirname, "../app", `.${route}.ts`), "utf8");
      const methods = [...source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]);
      for (const method of methods) {
        const operation = `${method} ${route.replace(/\/route$/, "")}`;
        const body = writes[operation];
        if (method !== "GET" && body === undefined) {
          expect(operation, `add a body for ${operation} so it is walked`).toBe("POST /api/v1/leads");
          continue;
        }
        const res = await fetch(new URL(url!, app.url), {
          method,
          headers: { authorization: `Bearer ${apiSecret}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        expect.soft(res.status, operation).toBe(route.includes("[") || method !== "GET" ? 404 : 200);
        expect.soft(text.includes(marker), `${operation} leaks studio B's data`).toBe(false);
        walked.push(operation);
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(20);
    expect(walked).toEqual(expect.arrayContaining(Object.keys(writes)));
    expect(await fingerprint(ids.studioId)).toBe(before);
  });

  it("every server action called with another studio's ids changes nothing of it and never fails with a 500", async () => {
    const before = await fingerprint(ids.studioId);
    // Signing out everywhere takes no ids and would sign this caller out for the rest of the walk.
    const all = actions().filter((a) => !a.name.endsWith("#signOutEverywhereAction"));
    expect(all.length).toBeGreaterThanOrEqual(20);
    const refused = new Set<string>();
    for (const action of all) {
      const pageUrl = toUrl(action.page.replace(/^app/, ""), (param, seg) =>
        param === "id" && seg === "leads" ? ownIds.leadId : param === "id" && seg === "jobs" ? ownIds.jobId : "x",
      );
      // Shapes of form: B's ids under every id-like name, "templateId" as a workflow, as a payment
      // schedule with "invoiceId" a draft, or as a contract template, and "contractId" as a draft contract.
      for (const variant of [
        ids,
        { ...ids, templateId: ids.workflowTemplateId },
        { ...ids, templateId: ids.scheduleTemplateId, invoiceId: ids.draftInvoiceId },
        { ...ids, templateId: ids.contractTemplateId },
        { ...ids, contractId: ids.draftContractId },
      ]) {
        const form = new FormData();
        for (const [k, v] of Object.entries(variant)) form.set(k, v);
        // A real image, so only the tenancy check can refuse a logo for B's brand.
        form.set("logo", new File([new Uint8Array(solidPng(40, 20))], "logo.png", { type: "image/png" }));
        form.set("id", variant.jobId);
        for (const [k, v] of Object.entries({
          name: "Intruder",
          title: "Intruder",
          body: "Intruder",
          subject: "Intruder",
          sendOn: "2030-01-01",
          email: "intruder@example.com",
          toEmail: "intruder@example.com",
          status: "CONTACTED",
          message: "x",
          type: "wedding",
          eventType: "wedding",
          date: "2030-01-01",
          startsAt: "2030-01-01T10:00",
          startTime: "10:00",
          endTime: "11:00",
          expiresOn: "2030-01-01",
          decision: "accept",
          timeZone: "America/New_York",
          returnTo: "/dashboard",
          consent: "on",
          contractReminderDays: "5",
          currency: "USD",
          locale: "en-US",
          amount: "100",
          method: "CHECK",
          receivedOn: "2030-01-01",
          "description[]": "Intruder",
          "quantity[]": "1",
          "unitPrice[]": "100",
          fingerprint: "stale-preview",
          jobsPerDay: "2",
          enabled: "false",
          kind: "inquiry.auto-reply",
          about: "JOB",
        }))
          form.set(k, v);
        const res = await http.fetch(pageUrl ?? "/dashboard", {
          method: "POST",
          headers: { "next-action": action.id, accept: "text/x-component" },
          body: (await encodeReply([{ ok: false }, form])) as FormData,
        });
        const text = await res.text();
        expect.soft(res.status, `${action.name} answered ${res.status}`).toBeLessThan(500);
        expect.soft(text.includes("Something went wrong"), `${action.name} hit an unexpected error`).toBe(false);
        if (/not found|does not exist/i.test(text)) refused.add(action.name);
        else if (process.env.TENANCY_DEBUG)
          console.log(action.name, res.status, text.slice(0, 400).replace(/\s+/g, " "));
      }
    }
    expect(await fingerprint(ids.studioId)).toBe(before);
    // Most actions took B's ids as well-formed input and refused them as not found; the others
    // create only in A's own studio or ignore ids.
    console.log(`refused as not found: ${refused.size}/${all.length}\n${[...refused].sort().join("\n")}`);
    expect(refused.size).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
