import { type Page, type Route } from "@playwright/test";
import { createLead } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

// A save whose answer never reaches the browser (a node killed mid-request, nginx answering
// 502, a dropped connection) may or may not have been written. The form stays with what was
// typed and says so; a form with a token can simply be sent again.

/** The next server action posted from `page` is handled by `answer` instead of reaching the browser. */
async function loseNextActionAnswer(page: Page, answer: (route: Route) => Promise<void>) {
  let lost = false;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (lost || request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    lost = true;
    await answer(route);
  });
}

test("a new lead saved while its answer is lost is saved once when sent again", async ({ page, signedIn }) => {
  const name = `Ines Okafor ${Date.now()}`;
  await page.goto("/leads/new");
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill("ines.okafor@example.com");
  await page.getByLabel("Event type").fill("wedding");
  await page.getByLabel("Message").fill("June, in the vineyard.");

  // The request reaches ShootQ and the lead is written; the answer is replaced by a proxy's 502.
  await loseNextActionAnswer(page, async (route) => {
    await route.fetch();
    await route.fulfill({ status: 502, contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" });
  });
  await page.getByRole("button", { name: "Save lead" }).click();

  await expect(page.locator("form").getByRole("alert")).toHaveText(
    /ShootQ did not answer, so this may or may not have been saved/,
  );
  await expect(page.locator("form").getByRole("alert")).toContainText("send it again and it will be saved only once");
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByLabel("Message")).toHaveValue("June, in the vineyard.");
  const saved = await testDb().lead.findMany({ where: { studioId: signedIn.studio.id, name }, select: { id: true } });
  expect(saved).toHaveLength(1);

  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(page.url()).toContain(`/leads/${saved[0].id}`);
  expect(await testDb().lead.count({ where: { studioId: signedIn.studio.id, name } })).toBe(1);
});

test("a change whose connection drops says it may not be saved and keeps the page", async ({ page, signedIn }) => {
  const lead = await createLead(testDb(), { studioId: signedIn.studio.id, name: "Tomas Lindqvist", status: "NEW" });
  await replicated();
  await page.goto(`/leads/${lead.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Tomas Lindqvist" })).toBeVisible();

  // The connection drops before the request reaches ShootQ: nothing is written.
  await loseNextActionAnswer(page, (route) => route.abort("connectionreset"));
  await page.getByLabel("Stage").selectOption({ label: "Contacted" });
  await page.getByRole("button", { name: "Update stage" }).click();

  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "ShootQ did not answer, so this may or may not have been saved. Reload the page to see whether it was before trying again.",
  );
  await expect(page.getByRole("heading", { level: 1, name: "Tomas Lindqvist" })).toBeVisible();
  expect((await testDb().lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("NEW");

  // Reloaded, the page shows it was not saved; this time it is.
  await page.reload();
  await expect(page.getByLabel("Stage")).toHaveValue("NEW");
  await page.getByLabel("Stage").selectOption({ label: "Contacted" });
  await page.getByRole("button", { name: "Update stage" }).click();
  await expect(page.getByRole("status")).toHaveText("Stage updated.");
  expect((await testDb().lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("CONTACTED");
});
