import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { createAdmin, randomSuffix } from "../../prisma/factories";
import { hashToken } from "../../lib/tokens";
import { createFullStudio, type FullStudio } from "../../scripts/testing/full-studio";
import { expect, replicated, signIn, test, testDb } from "../fixtures";
import { layoutProblems } from "../phone/layout";

// Every page route of the build, opened by the person who uses it on a studio that has one of
// everything, checked by axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) at desktop and phone sizes: no
// serious or critical violation, one h1, a title that says where you are; and at phone (390) and
// tablet (768) widths nothing scrolls sideways, is cut off or sticks out of the screen. A route
// missing from PAGES fails the suite.

type Who = "visitor" | "owner" | "staff" | "admin";
type World = FullStudio & { slug: string; resetToken: string; confirmToken: string };
type PageCheck = {
  who: Who;
  url: (w: World) => string;
  /** How the document title starts ("Leads" of "Leads · ShootQ"). */
  title: string;
};

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Keyed by the build's route (app-paths-manifest.json); `never`: a route nobody can open on purpose.
const PAGES: Record<string, PageCheck | { never: string }> = {
  "/(marketing)/page": { who: "visitor", url: () => "/", title: "ShootQ: studio management" },
  "/(auth)/sign-in/page": { who: "visitor", url: () => "/sign-in", title: "Sign in" },
  "/(auth)/sign-up/page": { who: "visitor", url: () => "/sign-up", title: "Create your studio" },
  "/(auth)/forgot-password/page": { who: "visitor", url: () => "/forgot-password", title: "Forgot your password" },
  "/(auth)/reset-password/[token]/page": {
    who: "visitor",
    url: (w) => `/reset-password/${w.resetToken}`,
    title: "Choose a new password",
  },
  "/(auth)/confirm-email/[token]/page": {
    who: "visitor",
    url: (w) => `/confirm-email/${w.confirmToken}`,
    title: "Confirm your email",
  },
  "/(auth)/invite/[token]/page": { who: "visitor", url: (w) => `/invite/${w.tokens.invite}`, title: "Join a studio" },
  "/(client)/inquire/[slug]/page": {
    who: "visitor",
    url: (w) => `/inquire/${w.slug}`,
    title: "Inquire with",
  },
  "/(client)/p/[token]/page": {
    who: "visitor",
    url: (w) => `/p/${w.tokens.proposal}`,
    title: "Your proposal",
  },
  "/(client)/q/[token]/page": {
    who: "visitor",
    url: (w) => `/q/${w.tokens.questionnaire}`,
    title: "Questionnaire",
  },
  "/(client)/c/[token]/page": {
    who: "visitor",
    url: (w) => `/c/${w.tokens.contract}`,
    title: "Your contract",
  },
  "/(client)/i/[token]/page": {
    who: "visitor",
    url: (w) => `/i/${w.tokens.invoice}`,
    title: "Your invoice",
  },
  "/docs/api/page": { who: "visitor", url: () => "/docs/api", title: "API reference" },
  "/_not-found/page": { who: "visitor", url: () => `/no-such-page-${randomUUID()}`, title: "Page not found" },
  "/_global-error/page": { never: "shown only when the root layout itself fails to render" },

  "/(studio)/dashboard/page": { who: "owner", url: () => "/dashboard", title: "Dashboard" },
  "/(studio)/leads/(list)/page": { who: "owner", url: () => "/leads", title: "Leads" },
  "/(studio)/leads/new/page": { who: "owner", url: () => "/leads/new", title: "New lead" },
  "/(studio)/leads/[id]/page": { who: "owner", url: (w) => `/leads/${w.ids.leadId}`, title: "Lead" },
  "/(studio)/leads/[id]/edit/page": { who: "owner", url: (w) => `/leads/${w.ids.leadId}/edit`, title: "Edit lead" },
  "/(studio)/leads/inquiry-form/page": { who: "owner", url: () => "/leads/inquiry-form", title: "Inquiry form" },
  "/(studio)/jobs/(list)/page": { who: "owner", url: () => "/jobs", title: "Jobs" },
  "/(studio)/jobs/new/page": { who: "owner", url: () => "/jobs/new", title: "New job" },
  "/(studio)/jobs/[id]/(overview)/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}`,
    title: "Job",
  },
  "/(studio)/jobs/[id]/edit/page": { who: "owner", url: (w) => `/jobs/${w.ids.jobId}/edit`, title: "Edit job" },
  "/(studio)/jobs/[id]/events/[eventId]/edit/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/events/${w.ids.eventId}/edit`,
    title: "Edit event",
  },
  "/(studio)/jobs/[id]/invoices/new/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/invoices/new`,
    title: "New invoice",
  },
  "/(studio)/jobs/[id]/proposals/new/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/proposals/new`,
    title: "New proposal",
  },
  "/(studio)/jobs/[id]/proposals/[proposalId]/edit/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/proposals/${w.ids.proposalId}/edit`,
    title: "Edit proposal",
  },
  "/(studio)/jobs/[id]/contracts/new/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/contracts/new`,
    title: "New contract",
  },
  "/(studio)/jobs/[id]/contracts/[contractId]/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/contracts/${w.ids.contractId}`,
    title: "Contract",
  },
  "/(studio)/jobs/[id]/contracts/[contractId]/verify/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/contracts/${w.ids.contractId}/verify`,
    title: "Verify contract",
  },
  "/(studio)/jobs/[id]/questionnaires/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/questionnaires`,
    title: "Questionnaires",
  },
  "/(studio)/jobs/[id]/reschedule/page": {
    who: "owner",
    url: (w) => `/jobs/${w.ids.jobId}/reschedule`,
    title: "Reschedule",
  },
  "/(studio)/jobs/[id]/workflow/page": { who: "owner", url: (w) => `/jobs/${w.ids.jobId}/workflow`, title: "Workflow" },
  "/(studio)/clients/page": { who: "owner", url: () => "/clients", title: "Clients" },
  "/(studio)/clients/[id]/page": { who: "owner", url: (w) => `/clients/${w.ids.contactId}`, title: "Client" },
  "/(studio)/clients/[id]/edit/page": {
    who: "owner",
    url: (w) => `/clients/${w.ids.contactId}/edit`,
    title: "Edit client",
  },
  "/(studio)/clients/[id]/merge/page": {
    who: "owner",
    url: (w) => `/clients/${w.ids.contactId}/merge`,
    title: "Merge clients",
  },
  "/(studio)/bookings/page": { who: "owner", url: () => "/bookings", title: "Bookings" },
  "/(studio)/calendar/page": { who: "staff", url: () => "/calendar", title: "Calendar" },
  "/(studio)/tasks/page": { who: "staff", url: () => "/tasks", title: "Tasks" },
  "/(studio)/search/page": { who: "staff", url: (w) => `/search?q=${w.marker}`, title: "Search" },
  "/(studio)/emails/page": { who: "owner", url: () => "/emails", title: "Emails" },
  "/(studio)/emails/saved/page": { who: "staff", url: () => "/emails/saved", title: "Saved emails" },
  "/(studio)/emails/saved/new/page": { who: "owner", url: () => "/emails/saved/new", title: "New saved email" },
  "/(studio)/emails/saved/[id]/page": {
    who: "owner",
    url: (w) => `/emails/saved/${w.ids.savedEmailId}`,
    title: "Edit saved email",
  },
  "/(studio)/invoices/page": { who: "owner", url: () => "/invoices", title: "Invoices" },
  "/(studio)/invoices/[id]/page": { who: "owner", url: (w) => `/invoices/${w.ids.invoiceId}`, title: "Invoice" },
  "/(studio)/invoices/[id]/edit/page": {
    who: "owner",
    url: (w) => `/invoices/${w.ids.draftInvoiceId}/edit`,
    title: "Edit invoice",
  },
  "/(studio)/contracts/page": { who: "owner", url: () => "/contracts", title: "Contracts" },
  "/(studio)/contracts/new/page": { who: "owner", url: () => "/contracts/new", title: "New contract template" },
  "/(studio)/contracts/[id]/page": {
    who: "owner",
    url: (w) => `/contracts/${w.ids.contractTemplateId}`,
    title: "Contract template",
  },
  "/(studio)/questionnaires/page": { who: "owner", url: () => "/questionnaires", title: "Questionnaires" },
  "/(studio)/questionnaires/new/page": { who: "owner", url: () => "/questionnaires/new", title: "New questionnaire" },
  "/(studio)/questionnaires/[id]/page": {
    who: "owner",
    url: (w) => `/questionnaires/${w.ids.questionnaireTemplateId}`,
    title: "Edit questionnaire",
  },
  "/(studio)/workflows/page": { who: "owner", url: () => "/workflows", title: "Workflows" },
  "/(studio)/workflows/new/page": { who: "owner", url: () => "/workflows/new", title: "New workflow" },
  "/(studio)/workflows/[id]/page": {
    who: "owner",
    url: (w) => `/workflows/${w.ids.workflowTemplateId}`,
    title: "Edit workflow",
  },
  "/(studio)/referrals/page": { who: "owner", url: () => "/referrals", title: "Referrals" },
  "/(studio)/referrals/new/page": {
    who: "owner",
    url: (w) => `/referrals/new?leadId=${w.ids.leadId}`,
    title: "Refer to another photographer",
  },
  "/(studio)/reports/page": { who: "owner", url: () => "/reports", title: "Reports" },
  "/(studio)/imports/page": { who: "owner", url: () => "/imports", title: "Import" },
  "/(studio)/imports/[id]/page": { who: "owner", url: (w) => `/imports/${w.ids.importId}`, title: "Import" },
  "/(studio)/settings/page": { who: "staff", url: () => "/settings", title: "Account settings" },
  "/(studio)/settings/studio/page": { who: "owner", url: () => "/settings/studio", title: "Studio settings" },
  "/(studio)/settings/team/page": { who: "owner", url: () => "/settings/team", title: "Team" },
  "/(studio)/settings/emails/page": { who: "owner", url: () => "/settings/emails", title: "Emails" },
  "/(studio)/settings/emails/[slug]/page": {
    who: "owner",
    url: () => "/settings/emails/proposal",
    title: "Proposal email",
  },
  "/(studio)/settings/payments/page": { who: "owner", url: () => "/settings/payments", title: "Getting paid" },
  "/(studio)/settings/billing/page": { who: "owner", url: () => "/settings/billing", title: "Billing" },
  "/(studio)/settings/api-tokens/page": { who: "owner", url: () => "/settings/api-tokens", title: "API tokens" },
  "/(studio)/settings/webhooks/page": { who: "owner", url: () => "/settings/webhooks", title: "Webhooks" },
  "/(studio)/settings/webhooks/[endpointId]/page": {
    who: "owner",
    url: (w) => `/settings/webhooks/${w.ids.endpointId}`,
    title: "Webhook endpoint",
  },

  "/(studio)/empty/page": {
    never: "the bench's signed-in empty page: a 404 (checked in not-found.spec.ts) unless BENCH_PAGES=1",
  },

  "/admin/page": { who: "admin", url: () => "/admin", title: "Admin" },
  "/admin/broadcasts/page": { who: "admin", url: () => "/admin/broadcasts", title: "Notify All Users" },
};

// axe-core is injected with eval, which the app's Content-Security-Policy refuses (other specs
// check the policy itself); accessibility does not depend on it.
test.use({ bypassCSP: true });

const checks = Object.entries(PAGES).flatMap(([route, c]) => ("never" in c ? [] : [{ route, ...c }]));

function buildPages(): string[] {
  const manifest = path.join(process.env.NEXT_DIST_DIR ?? ".next", "server", "app-paths-manifest.json");
  return Object.keys(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>).filter((r) =>
    r.endsWith("/page"),
  );
}

test("every page route of the build has an accessibility check, and every check a route", () => {
  const routes = buildPages();
  expect(
    routes.filter((r) => !(r in PAGES)),
    "routes without a PAGES entry in e2e/a11y/axe.spec.ts",
  ).toEqual([]);
  expect(
    Object.keys(PAGES).filter((r) => !routes.includes(r)),
    "PAGES entries without a route",
  ).toEqual([]);
});

async function makeWorld(): Promise<World> {
  const db = testDb();
  const full = await createFullStudio(db, `Zz${randomSuffix()}`);
  const token = () => randomBytes(32).toString("base64url");
  const [resetToken, confirmToken] = [token(), token()];
  const expiresAt = new Date(Date.now() + 3_600_000);
  for (const [raw, purpose] of [
    [resetToken, "PASSWORD_RESET"],
    [confirmToken, "EMAIL_VERIFICATION"],
  ] as const)
    await db.accountToken.create({
      data: {
        id: randomUUID(),
        userId: full.owner.id,
        purpose,
        email: full.owner.email,
        tokenHash: hashToken(raw),
        expiresAt,
      },
    });
  await replicated();
  return { ...full, slug: full.studio.slug, resetToken, confirmToken };
}

type Finding = string;

/** axe at the page's current size, one h1 and the title; returns what is wrong, as readable lines. */
async function audit(page: Page, check: (typeof checks)[number], size: string): Promise<Finding[]> {
  const where = `${check.route} (${size})`;
  const findings: Finding[] = [];
  // The inquiry form's preview is a sandboxed frame without scripts (so trying it creates no lead):
  // axe cannot run inside it and would wait for its answer until the test times out. What it shows
  // is the embed snippet; the page itself is checked around it.
  const results = await new AxeBuilder({ page })
    .withTags(TAGS)
    .setLegacyMode(true)
    .exclude('iframe[sandbox=""]')
    .analyze();
  for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
    findings.push(`${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  const h1 = await page.locator("h1").count();
  if (h1 !== 1) findings.push(`${where}: ${h1} h1 elements`);
  const title = await page.title();
  if (!title.startsWith(check.title)) findings.push(`${where}: title "${title}", expected "${check.title}…"`);
  return findings;
}

/**
 * Opens each page as one person in one browser context (one sign-in) at desktop size and audits
 * it; then, without reloading, at phone size (audited, and everything must fit the screen) and
 * at tablet size (everything must fit).
 */
async function walk(page: Page, world: World, list: typeof checks) {
  const findings: Finding[] = [];
  const checked: string[] = [];
  for (const check of list) {
    const url = check.url(world);
    await page.setViewportSize(DESKTOP);
    const started = Date.now();
    const response = await page.goto(url);
    const loaded = Date.now();
    if ((response?.status() ?? 0) >= 400 && check.route !== "/_not-found/page")
      findings.push(`${check.route}: ${url} answered ${response?.status()}`);
    findings.push(...(await audit(page, check, "desktop")));
    await page.setViewportSize(PHONE);
    findings.push(...(await audit(page, check, "phone")));
    for (const size of [PHONE, TABLET]) {
      await page.setViewportSize(size);
      const where = `${check.route} (${size.width} px)`;
      findings.push(...(await layoutProblems(page)).map((problem) => `${where}: ${problem}`));
    }
    checked.push(url);
    console.log(`${url} load ${loaded - started} ms, audits and layouts ${Date.now() - loaded} ms`);
  }
  test.info().annotations.push({ type: "checked", description: checked.join("\n") });
  console.log(`checked ${checked.length} pages at desktop, phone and tablet sizes:\n  ${checked.join("\n  ")}`);
  expect(findings, "accessibility and layout findings").toEqual([]);
}

const people: Record<Who, (page: Page, w: World) => Promise<void>> = {
  visitor: async () => {},
  owner: (page, w) => signIn(page, w.owner.email, w.password),
  staff: (page, w) => signIn(page, w.staff.email, w.password),
  admin: async (page) => {
    const { user, password } = await createAdmin(testDb());
    await replicated();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
  },
};

// Pages in batches of two, each batch one test that signs in once, so two workers share the walk
// and a batch stays inside the test timeout even on a busy machine (a page's load and its two
// audits took 4 to 9 s on 2 cores beside another suite).
const batches: { who: Who; list: typeof checks }[] = [];
for (const who of ["visitor", "owner", "staff", "admin"] as const) {
  const mine = checks.filter((c) => c.who === who);
  for (let i = 0; i < mine.length; i += 2) batches.push({ who, list: mine.slice(i, i + 2) });
}

let world: Promise<World> | undefined;

for (const { who, list } of batches) {
  const name = `${who === "visitor" ? "a visitor or a client" : `the ${who}`} (${list.length}, from ${list[0].route})`;
  test(`pages opened by ${name} have no serious accessibility violation, one h1 and a title`, async ({ page }) => {
    world ??= makeWorld();
    const w = await world;
    await people[who](page, w);
    await walk(page, w, list);
  });
}
