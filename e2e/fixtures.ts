import { test as base, expect, type Page } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import { waitForReplay } from "../scripts/testing/database";
import { renderQueuedEmail } from "../scripts/testing/outbox";
import { createStudio } from "../prisma/factories";
import { mailbox, type Mailbox } from "./support/mailbox";
import { PrismaClient } from "../prisma/generated/prisma/client";
import { type Prisma } from "../prisma/generated/prisma/client";

// Specs run in parallel: each one makes its own studio through the seed factories, on the
// primary the app writes to (DATABASE_URL is set by the global setup).
let client: PrismaClient | undefined;
export function testDb(): PrismaClient {
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  return client;
}

/**
 * Rows a spec inserts straight into the primary reach the 3 s-late replica 3 s later (the app's
 * own writes are pinned, these are not): wait for them before a page reads them.
 */
export async function replicated(): Promise<void> {
  await waitForReplay({
    primaryUrl: process.env.DATABASE_URL!,
    replicaUrls: (process.env.DATABASE_REPLICA_URLS ?? "").split(",").filter(Boolean),
  });
}

/**
 * Another person's write (a client's answer, an admin's broadcast) is not pinned for this user,
 * so it shows once the replica has it: reload until `check` passes, as someone refreshing would.
 * The page may have read the primary instead, while this user's own earlier write still pinned
 * them there; the next page, once that pin ends, reads the replica. So it then also waits until
 * the replica has caught up, and the pages after this one show the same thing (replication is
 * read-your-writes, not monotonic across other people's writes: README, Read-your-writes).
 */
export async function reloadUntil(page: Page, check: () => Promise<void>, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [500, 1000] });
  await replicated();
}

/** The newest queued email matching `where`, rendered (links included) as the worker sends it. */
export function queuedEmail(where: Prisma.EmailMessageWhereInput) {
  return renderQueuedEmail(testDb(), where);
}

/** The first link in `text` whose path starts with `prefix` (e.g. "/invite/"). */
export function linkIn(text: string, prefix: string): string {
  const match = new RegExp(`https?://\\S+${prefix}[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in: ${text}`);
  return match[0];
}

export type StudioFixture = Awaited<ReturnType<typeof createStudio>>;

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * Fails the spec on any Content-Security-Policy violation in `page` (the browser reports each as a
 * securitypolicyviolation event and a console error). Every page gets it through the `page`
 * fixture; call it for pages of contexts a spec opens itself.
 */
export async function watchCsp(page: Page): Promise<() => void> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|CSP violation/i.test(m.text()))
      violations.push(`${page.url()}: ${m.text()}`);
  });
  return () => expect(violations, "Content-Security-Policy violations").toEqual([]);
}

export const test = base.extend<{ studio: StudioFixture; signedIn: StudioFixture; mailbox: Mailbox }>({
  page: async ({ page }, use) => {
    const check = await watchCsp(page);
    await use(page);
    check();
  },
  // The SMTP sink the worker delivers to: `await mailbox.waitFor({ to, subject })` is the email as received.
  mailbox: async ({}, use) => {
    await use(mailbox);
  },
  studio: async ({}, use) => {
    const studio = await createStudio(testDb(), { brands: ["Weddings by Test", "Portraits by Test"] });
    await replicated();
    await use(studio);
  },
  signedIn: async ({ page, studio }, use) => {
    await signIn(page, studio.owner.email, studio.password);
    await use(studio);
  },
});

export { expect };
