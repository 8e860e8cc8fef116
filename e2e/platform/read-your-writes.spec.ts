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

test("with the replica 3 s behind, the page a write sends you to shows the write at once", async ({ page, signedIn }) => {
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
  await expect.poll(async () => (await query(process.env.DATABASE_URL!, sql, [name])).length, { intervals: [20] }).toBe(1);
  expect(await query(process.env.DATABASE_REPLICA_URLS!.split(",")[0], sql, [name])).toEqual([]);

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The list the user goes to next shows it too, and so does a full reload.
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Leads" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
});
