import { expect, test } from "../fixtures";

test("the header groups daily work apart from templates and settings, and + New opens the forms", async ({
  page,
  signedIn,
}) => {
  await page.goto("/dashboard");
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
  const nav = page.getByRole("navigation", { name: "Studio" });
  await expect(nav.getByRole("list", { name: "Daily work" }).getByRole("link")).toHaveText([
    "Dashboard",
    "Leads",
    "Clients",
    "Jobs",
    "Bookings",
    "Invoices",
    "Calendar",
    "Tasks",
    "Referrals",
    "Emails",
    "Reports",
  ]);
  await expect(nav.getByRole("list", { name: "Templates and settings" }).getByRole("link")).toHaveText([
    "Contracts",
    "Questionnaires",
    "Workflows",
    "Settings",
  ]);

  await page.getByText("+ New").click();
  await page.getByRole("list", { name: "Create new" }).getByRole("link", { name: "New lead" }).click();
  await expect(page).toHaveURL(/\/leads\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "New lead" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Create new" })).toBeHidden();
});
