import { expect, test, reloadUntil, replicated, signIn, testDb } from "../fixtures";
import { createJob, createQuestionnaireTemplate } from "../../prisma/factories";
import { hashToken } from "../../lib/tokens";
import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import { expectFitsTheScreen } from "./layout";

// The phone project (390×844) runs these: what a client and a photographer do between shoots.

async function openFromMenu(page: Page, link: string) {
  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expectFitsTheScreen(page);
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: link, exact: true }).click();
  // The menu closes once the new page is in: a reload before that would reload the old page and
  // drop the navigation (seen under CI's load).
  await expect(menu).toHaveAttribute("aria-expanded", "false");
}

test("an inquiry sent from a phone becomes a lead, a job and an accepted proposal, seen on the photographer's phone", async ({
  browser,
  page,
  studio,
}) => {
  const clientContext = await browser.newContext({ viewport: page.viewportSize()!, isMobile: true, hasTouch: true });
  const client = await clientContext.newPage();
  await client.goto(`/inquire/${studio.studio.slug}`);
  await expectFitsTheScreen(client);
  await client.getByLabel("Your name").fill("Maya Lopez");
  await client.getByLabel("Email").fill("maya.lopez@example.com");
  await client.getByLabel("Type of event").fill("wedding");
  await client.getByLabel("Event date").fill("2027-06-12");
  await client.getByLabel("Which service?").selectOption({ label: "Weddings by Test" });
  await client.getByRole("button", { name: "Send inquiry" }).click();
  await expect(client.getByRole("status")).toContainText("Thank you, Maya Lopez!");
  await expectFitsTheScreen(client);

  await signIn(page, studio.owner.email, studio.password);
  await expectFitsTheScreen(page);
  await reloadUntil(page, async () => {
    await expect(page.getByTestId("new-leads")).toHaveText("You have 1 new lead.", { timeout: 1000 });
  });
  await openFromMenu(page, "Leads");
  await expect(page.getByRole("heading", { level: 1, name: "Leads" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
  await expectFitsTheScreen(page);
  await page.getByRole("link", { name: "Maya Lopez" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Maya Lopez" })).toBeVisible();
  await expectFitsTheScreen(page);
  await page.getByRole("button", { name: "Convert to job" }).click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
  await expectFitsTheScreen(page);
  const jobId = new URL(page.url()).pathname.split("/").pop()!;

  // The proposal itself is written on a desktop; the client answers it on a phone.
  const token = randomBytes(32).toString("base64url");
  await testDb().proposal.create({
    data: {
      studioId: studio.studio.id,
      jobId,
      title: "Wedding Collection",
      status: "SENT",
      sentAt: new Date(),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      tokenHash: hashToken(token),
      items: { create: { position: 0, description: "Eight hours of coverage", unitPriceCents: 450_000 } },
    },
  });
  await replicated();
  await client.goto(`/p/${token}`);
  await expect(client.getByRole("heading", { name: "Wedding Collection" })).toBeVisible();
  await expectFitsTheScreen(client);
  await client.getByRole("button", { name: "Accept proposal" }).click();
  await expect(client.getByRole("status")).toContainText("You accepted this proposal");
  await expectFitsTheScreen(client);
  await clientContext.close();

  await openFromMenu(page, "Dashboard");
  await reloadUntil(page, async () => {
    await expect(page.getByTestId("bookings-to-review")).toHaveText("You have 1 booking to review.", { timeout: 1000 });
  });
  await expectFitsTheScreen(page);
  await openFromMenu(page, "Jobs");
  await expect(page.getByRole("row", { name: /Maya Lopez/ })).toBeVisible();
  await expectFitsTheScreen(page);
});

test("a client answers a questionnaire on a phone", async ({ page, studio }) => {
  const job = await createJob(testDb(), { studioId: studio.studio.id, title: "Chen Wedding" });
  const template = await createQuestionnaireTemplate(testDb(), { studioId: studio.studio.id, name: "Wedding day" });
  const token = randomBytes(32).toString("base64url");
  await testDb().questionnaire.create({
    data: {
      studioId: studio.studio.id,
      jobId: job.id,
      templateId: template.id,
      title: "Wedding day details",
      questions: [
        { id: "q1", kind: "short", label: "Ceremony venue" },
        { id: "q2", kind: "long", label: "Anything we should know about your families?" },
      ],
      tokenHash: hashToken(token),
    },
  });
  await replicated();
  await page.goto(`/q/${token}`);
  await expect(page.getByRole("heading", { name: "Wedding day details" })).toBeVisible();
  await expectFitsTheScreen(page);
  await page.getByLabel("Ceremony venue").fill("The Old Mill, a long name for a venue by the river in the valley");
  await page.getByLabel("Anything we should know about your families?").fill("Grandma uses a wheelchair.");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText(/You submitted these answers/)).toBeVisible();
  await expectFitsTheScreen(page);
});
