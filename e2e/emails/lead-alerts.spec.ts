import { expect, linkIn, test, testDb } from "../fixtures";

test("the photographer is emailed about a new inquiry, replies straight to the client, and can switch to a daily digest", async ({
  browser,
  page,
  signedIn,
  mailbox,
}) => {
  const owner = signedIn.owner.email;
  await page.goto("/settings");
  const card = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "New-inquiry emails" }) });
  const alerts = card.getByRole("group", { name: "Email me about new inquiries" });
  await expect(alerts.getByRole("radio", { name: /Each inquiry/ })).toBeChecked();

  const inquire = async (name: string) => {
    const email = `${name.split(" ")[0].toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
    const client = await browser.newContext();
    const form = await client.newPage();
    await form.goto(`/inquire/${signedIn.studio.slug}`);
    await form.getByLabel("Your name").fill(name);
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Type of event").fill("engagement session");
    await form.getByLabel("Which service?").selectOption({ label: "Weddings by Test" });
    await form.getByRole("button", { name: "Send inquiry" }).click();
    await expect(form.getByRole("status")).toContainText(`Thank you, ${name}!`);
    await client.close();
    return email;
  };

  const client = await inquire("Ana Lima");
  const alert = await mailbox.waitFor({ to: owner, subject: "New inquiry: Ana Lima (engagement session)" }, 60_000);
  expect(alert.text).toContain("Ana Lima sent an inquiry to Weddings by Test.");
  expect(alert.text).toContain(`Email: ${client}`);
  expect(alert.headers["reply-to"]).toContain(client);
  const leadLink = linkIn(alert.text, "/leads/");
  // The HTML part, in the one layout, links the same page.
  expect(alert.html).toContain(`href="${leadLink}"`);
  await page.goto(leadLink);
  await expect(page.getByRole("heading", { level: 1, name: "Ana Lima" })).toBeVisible();

  await page.goto("/settings");
  await alerts.getByRole("radio", { name: /Daily digest/ }).check();
  await card.getByRole("button", { name: "Save email alerts" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved: you will get one email a day about new inquiries.");
  await page.reload();
  await expect(alerts.getByRole("radio", { name: /Daily digest/ })).toBeChecked();

  // The alert is queued in the inquiry's own transaction: once the visitor is thanked, none exists.
  await inquire("Ben Okafor");
  const queued = await testDb().emailMessage.count({ where: { to: owner, kind: "lead.alert" } });
  expect(queued).toBe(1);
});
