import { createContact, createJob, createLead } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("the header search finds a client by half of their surname, from the keyboard", async ({ page, signedIn }) => {
  const tag = Date.now().toString(36);
  const surname = `Lindqvist${tag}`;
  const client = await createContact(testDb(), {
    studioId: signedIn.studio.id,
    name: `Maya ${surname}`,
    email: `maya.${tag}@example.com`,
  });
  await createJob(testDb(), { studioId: signedIn.studio.id, contactId: client.id, title: `${surname} Wedding` });
  await createLead(testDb(), {
    studioId: signedIn.studio.id,
    name: "Unrelated Person",
    email: "unrelated@example.com",
  });
  await replicated();

  await page.goto("/dashboard");
  const box = page.getByRole("combobox", { name: "Search" });
  await box.fill(surname.slice(0, Math.ceil(surname.length / 2)));
  const suggestions = page.getByRole("listbox", { name: "Search suggestions" });
  await expect(
    suggestions.getByRole("group", { name: "Clients" }).getByRole("option", { name: new RegExp(`^Maya ${surname}`) }),
  ).toBeVisible();
  await expect(
    suggestions.getByRole("group", { name: "Jobs" }).getByRole("option", { name: new RegExp(`${surname} Wedding`) }),
  ).toBeVisible();
  await expect(suggestions.getByRole("option", { name: /Unrelated Person/ })).toHaveCount(0);

  await box.press("Escape");
  await expect(suggestions).toBeHidden();
  await box.press("ArrowDown");
  await expect(suggestions.getByRole("option", { name: new RegExp(`^Maya ${surname}`) })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/clients/${client.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Maya ${surname}` })).toBeVisible();

  // Enter with nothing chosen opens every result on a page of its own.
  await box.fill(surname.slice(2, 8));
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("list", { name: "Clients" })).toContainText(`Maya ${surname}`);
  await expect(page.getByRole("list", { name: "Jobs" })).toContainText(`${surname} Wedding`);
});

test("without JavaScript the search box is a form that opens the results page", async ({ browser, page, signedIn }) => {
  const tag = Date.now().toString(36);
  await createContact(testDb(), {
    studioId: signedIn.studio.id,
    name: `Theo Parkhurst${tag}`,
    email: `theo.${tag}@example.com`,
  });
  await replicated();
  // Signing in needs JavaScript; the signed-in session then browses with it switched off.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto("/dashboard");
  await plain.getByRole("combobox", { name: "Search" }).fill(`arkhurst${tag}`);
  await plain.getByRole("combobox", { name: "Search" }).press("Enter");
  await expect(plain).toHaveURL(/\/search\?q=/);
  await expect(plain.getByRole("list", { name: "Clients" })).toContainText(`Theo Parkhurst${tag}`);
  await noScript.close();
});
