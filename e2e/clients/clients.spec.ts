import { createContact, createJob, createLead } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("a photographer fixes a client's mistyped email and sees it on the client's job at once", async ({
  page,
  signedIn,
}) => {
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Okafor–Reid Wedding",
    contact: { name: "Adaeze Okafor", email: `adaeze-${Date.now()}@exmaple.com`, phone: "(555) 010-2876" },
  });
  await replicated();
  const fixed = `adaeze.okafor.${Date.now()}@example.com`;

  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("link", { name: "Adaeze Okafor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Adaeze Okafor" })).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText("Okafor–Reid Wedding");
  await page.getByRole("link", { name: "Edit client" }).click();

  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Save client" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not an address");

  await page.getByLabel("Email").fill(fixed);
  await page.getByLabel("Address").fill("12 Orchard St\nNew York, NY");
  await page.getByRole("button", { name: "Save client" }).click();
  await expect(page.getByText("Adaeze Okafor was saved.")).toBeVisible();
  await expect(page.getByTestId("client-email")).toHaveText(fixed);

  // The job page reads the client from the replica, which is behind: the write's pin shows it.
  await page.getByRole("list", { name: "History" }).getByRole("link", { name: "Okafor–Reid Wedding" }).click();
  await expect(page.getByTestId("job-client-email")).toHaveText(fixed);
});

test("clients are listed with a search, and two duplicates merge into one with everything kept", async ({
  page,
  signedIn,
}) => {
  const studioId = signedIn.studio.id;
  const tag = Date.now().toString(36);
  const kept = await createContact(testDb(), {
    studioId,
    name: `Priya Patel ${tag}`,
    email: `priya.${tag}@example.com`,
    phone: null,
  });
  const duplicate = await createContact(testDb(), {
    studioId,
    name: `Priya P ${tag}`,
    email: `p.patel.${tag}@example.com`,
    phone: "(555) 010-4242",
  });
  await createJob(testDb(), { studioId, contactId: duplicate.id, title: `Patel Portraits ${tag}` });
  await createLead(testDb(), {
    studioId,
    contactId: kept.id,
    name: `Priya Patel ${tag}`,
    email: `priya.${tag}@example.com`,
  });
  await replicated();

  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Clients" }).click();
  await page.getByLabel("Search clients").fill(`Priya P`);
  await page.getByLabel("Search clients").press("Enter");
  await expect(page.getByRole("row", { name: new RegExp(`Priya Patel ${tag}`) })).toContainText("1 lead");
  await expect(page.getByRole("row", { name: new RegExp(`Priya P ${tag}`) })).toContainText("1 job");

  await page.getByRole("link", { name: `Priya Patel ${tag}` }).click();
  await page.getByRole("link", { name: "Merge a duplicate" }).click();
  await page.getByLabel("Find the duplicate").fill(`p.patel.${tag}`);
  await page.getByLabel("Find the duplicate").press("Enter");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Merge Priya P ${tag} into Priya Patel ${tag}` }).click();

  await expect(page.getByText("Merged. 1 job moved to this client.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Priya Patel ${tag}` })).toBeVisible();
  const history = page.getByRole("list", { name: "History" });
  await expect(history).toContainText(`Patel Portraits ${tag}`);
  await expect(history).toContainText("Inquiry");
  await expect(page.getByText("(555) 010-4242").first()).toBeVisible();
  await expect(page.getByText(new RegExp(`Merged Priya P ${tag} \\(p\\.patel\\.${tag}@example\\.com`))).toBeVisible();
  expect(await testDb().contact.findUnique({ where: { id: duplicate.id } })).toBeNull();
});
