import { createContact } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

// A HoneyBook-style export: first and last name in two columns, "Email Address", "Phone Number".
const CSV = [
  "First Name,Last Name,Email Address,Phone Number,Notes",
  "Maya,Lindgren,maya.lindgren@example.com,555 0101,Met at the fair",
  'Omar,Haddad," OMAR.Haddad@Example.com ",,Returning client',
  "Ines,Duarte,ines.duarte@example.com,555 0103,",
  "Noor,Khalil,,555 0104,No email on file",
].join("\r\n");

test("a photographer imports a CSV of clients with one already known, checks it with a dry run, imports it and undoes it", async ({
  page,
  signedIn,
}) => {
  await createContact(testDb(), {
    studioId: signedIn.studio.id,
    name: "Omar Haddad",
    email: "omar.haddad@example.com",
  });
  await replicated();

  await page.goto("/clients");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import clients" })).toBeVisible();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "honeybook-clients.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Upload" }).click();

  // The mapping step: the columns guessed from their names, the first rows shown.
  await expect(page.getByRole("heading", { name: "Import of honeybook-clients.csv" })).toBeVisible();
  const importPage = page.url();
  await expect(page.getByLabel("First Name")).toHaveValue("firstName");
  await expect(page.getByLabel("Last Name")).toHaveValue("lastName");
  await expect(page.getByLabel("Email Address")).toHaveValue("email");
  await expect(page.getByLabel("Phone Number")).toHaveValue("phone");
  await expect(page.getByRole("cell", { name: "Met at the fair" })).toBeVisible();
  await page.getByLabel("Notes").selectOption({ label: "Leave out" });

  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dry run:" })).toHaveText(
    "Dry run: 2 created, 1 matched, 1 skipped: row 5 has no email. Nothing was saved.",
  );
  await expect(page.getByRole("list", { name: "Skipped rows" })).toContainText("row 5 has no email");

  // Nothing was written: the clients list still has only the existing client.
  await page.goto("/clients");
  await expect(page.getByRole("link", { name: "Omar Haddad" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Maya Lindgren" })).toHaveCount(0);
  // The mapping chosen for the dry run was kept.
  await page.goto(importPage);
  await expect(page.getByLabel("Notes")).toHaveValue("");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(page.getByText("2 created, 1 matched, 1 skipped: row 5 has no email.")).toBeVisible();

  await page.getByRole("link", { name: "See your clients" }).click();
  await expect(page.getByRole("link", { name: "Maya Lindgren" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ines Duarte" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Omar Haddad" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Noor Khalil" })).toHaveCount(0);

  await page.goto(importPage);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Undo this import" }).click();
  await expect(page.getByRole("heading", { name: "Undone" })).toBeVisible();
  await expect(page.getByText(/removed 2 clients and 0 leads\./)).toBeVisible();

  await page.goto("/clients");
  await expect(page.getByRole("link", { name: "Omar Haddad" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Maya Lindgren" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ines Duarte" })).toHaveCount(0);
});

test("a file with an unclosed quote is refused naming its row, and nothing is stored", async ({ page, signedIn }) => {
  await page.goto("/leads");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import leads" })).toBeVisible();
  const broken = 'Name,Email,Event Date\nAva,ava@example.com,2027-06-12\n"Ben,ben@example.com,2027-07-01\n';
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Row 3" })).toContainText(
    'Row 3 opens a quoted value (") that is never closed.',
  );
  expect(await testDb().import.count({ where: { studioId: signedIn.studio.id } })).toBe(0);
});
