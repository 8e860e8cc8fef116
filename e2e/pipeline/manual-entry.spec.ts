import { expect, test } from "../fixtures";

test("a photographer enters a lead by hand, then jobs for a new and an existing client", async ({ page, signedIn }) => {
  await page.goto("/leads/new");
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
  await page.getByLabel("Event date").fill("2027-05-01");
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByLabel("Event date")).toHaveValue("2027-05-01");

  await page.getByLabel("Name").fill("Marcus Reid");
  await page.getByLabel("Email").fill("marcus.reid@example.com");
  await page.getByLabel("Event type").fill("headshots");
  await page.getByLabel("Brand").selectOption({ label: "Portraits by Test" });
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Marcus Reid" })).toBeVisible();
  await expect(page.getByText("(manual)")).toBeVisible();

  await page.goto("/leads?status=NEW&sort=event-date");
  await expect(page.getByRole("row", { name: /Marcus Reid/ })).toContainText("Portraits by Test");
  await page.getByLabel("Search leads").fill("nobody-matches-this");
  await page.getByLabel("Search leads").press("Enter");
  await expect(page.getByText("No leads match your search.")).toBeVisible();

  await page.goto("/jobs/new");
  await page.getByLabel("Job title").fill("Brewster & Co. Team Headshots");
  await page.getByLabel("Job type").fill("commercial");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByText("Choose an existing client or enter the new client's name.")).toBeVisible();
  await page.getByLabel("New client's name").fill("Daniel Brewster");
  await page.getByLabel("New client's email").fill("daniel@brewster.example");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Brewster & Co. Team Headshots" })).toBeVisible();
  await expect(page.getByText("daniel@brewster.example")).toBeVisible();

  await page.goto("/jobs/new");
  await page.getByLabel("Find a client").fill("brewster");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Clients matching “brewster” are in the list below.")).toBeVisible();
  await page.getByLabel("Existing client").selectOption({ label: "Daniel Brewster (daniel@brewster.example)" });
  await page.getByLabel("Job title").fill("Brewster Family Portraits");
  await page.getByLabel("Job type").fill("portrait");
  await page.getByLabel("Job date").fill("2027-04-10");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Brewster Family Portraits" })).toBeVisible();

  await page.goto("/jobs");
  await expect(page.getByRole("row", { name: /Brewster Family Portraits/ })).toContainText("Daniel Brewster");
  await page.getByRole("link", { name: "No date yet" }).click();
  await expect(page.getByRole("row", { name: /Brewster & Co\. Team Headshots/ })).toContainText("Lead");
});
