import pg from "pg";
import { expect, test } from "../fixtures";

async function query<T>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

test("with the replica 3 s behind, the page a write sends you to shows the write at once", async ({
  page,
  signedIn,
}) => {
  const name = `Fresh Lead ${Date.now()}`;
  await page.goto("/leads/new");
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill("fresh.lead@example.com");
  await page.getByLabel("Event type").fill("wedding");
  await page.getByRole("button", { name: "Save lead" }).click();

  // The moment the lead is committed on the primary, the (delayed) replica does not have it:
  // without the read pin, the page below would be a 404.
  const sql = `SELECT id FROM "Lead" WHERE name = $1`;
  await expect
    .poll(async () => (await query(process.env.DATABASE_URL!, sql, [name])).length, { intervals: [20] })
    .toBe(1);
  expect(await query(process.env.DATABASE_REPLICA_URLS!.split(",")[0], sql, [name])).toEqual([]);

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The list the user goes to next shows it too, and so does a full reload.
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Leads" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
});

test("two tabs saving at the same moment: each change shows at once in both, and a brand picked meanwhile stays picked", async ({
  page,
  signedIn,
}) => {
  const other = await page.context().newPage();
  const lead = `Two Tabs Lead ${Date.now()}`;
  const workflow = `Two Tabs Workflow ${Date.now()}`;
  await page.goto("/leads/new");
  await page.getByLabel("Name").fill(lead);
  await page.getByLabel("Email").fill("two.tabs@example.com");
  await page.getByLabel("Event type").fill("wedding");
  await other.goto("/workflows/new");
  await other.getByLabel("Workflow name").fill(workflow);
  await other.getByLabel("Step 1 name").fill("Cull");
  await other.getByLabel("Step 1 days").fill("2");
  await Promise.all([
    page.getByRole("button", { name: "Save lead" }).click(),
    other.getByRole("button", { name: "Create workflow" }).click(),
  ]);
  await expect(page.getByRole("heading", { level: 1, name: lead })).toBeVisible();
  const leadPage = page.url();
  await expect(other).toHaveURL(/\/workflows$/);

  // Whichever answer arrived last, each tab's next page has both writes (the replica is 3 s behind).
  await page.goto("/workflows");
  await expect(page.getByRole("heading", { name: workflow })).toBeVisible();
  await other.goto("/leads");
  await expect(other.getByRole("row", { name: new RegExp(lead) })).toBeVisible();

  // A brand picked in one tab while the other saves is not undone by the other's answer.
  const picked = other.waitForResponse(
    (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
  );
  await page.goto(leadPage);
  await page.getByLabel("Add a note").fill("Called back");
  await Promise.all([
    other.getByLabel("for:").selectOption({ label: signedIn.brands[1].name }),
    page.getByRole("button", { name: "Add note" }).click(),
  ]);
  expect((await picked).ok()).toBe(true);
  await expect(page.getByText("Called back")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByLabel("for:")).toHaveValue(signedIn.brands[1].id);
});
