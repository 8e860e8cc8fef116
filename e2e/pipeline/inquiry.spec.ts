import { expect, reloadUntil, test, testDb } from "../fixtures";

test("an inquiry on the public page appears as a new lead on the dashboard", async ({ browser, page, studio }) => {
  const client = await browser.newContext();
  const inquiry = await client.newPage();
  await inquiry.goto(`/inquire/${studio.studio.slug}`);
  await expect(inquiry.getByRole("heading", { name: studio.studio.name })).toBeVisible();
  await inquiry.getByLabel("Your name").fill("Jane Example");
  await inquiry.getByLabel("Email").fill("jane.example@example.com");
  await inquiry.getByLabel("Phone").fill("(555) 010-7788");
  await inquiry.getByLabel("Type of event").fill("wedding");
  await inquiry.getByLabel("Event date").fill("2027-09-18");
  await inquiry.getByLabel("Which service?").selectOption({ label: "Weddings by Test" });
  await inquiry.getByLabel("Message").fill("We love your work! Are you free on our date?");
  await inquiry.getByRole("button", { name: "Send inquiry" }).click();
  await expect(inquiry.getByRole("status")).toHaveText(
    "Thank you, Jane Example! Your inquiry has been sent and we'll be in touch soon.",
  );
  await client.close();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(studio.owner.email);
  await page.getByLabel("Password").fill(studio.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await reloadUntil(page, async () => {
    await expect(page.getByTestId("new-leads")).toHaveText("You have 1 new lead.", { timeout: 1000 });
  });
  await page
    .getByRole("list", { name: "Notifications" })
    .getByRole("link", { name: "You have a new lead from Jane Example" })
    .click();

  await expect(page.getByRole("heading", { level: 1, name: "Jane Example" })).toBeVisible();
  await expect(page.getByText("jane.example@example.com")).toBeVisible();
  await expect(page.getByText("We love your work! Are you free on our date?")).toBeVisible();
  await expect(page.getByLabel("Stage")).toHaveValue("NEW");

  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Leads" }).click();
  const row = page.getByRole("row", { name: /Jane Example/ });
  await expect(row).toContainText("New");
  await expect(row).toContainText("Weddings by Test");
});

test("the public form explains each invalid field and saves nothing", async ({ browser, studio }) => {
  const client = await browser.newContext();
  const inquiry = await client.newPage();
  await inquiry.goto(`/inquire/${studio.studio.slug}`);
  await inquiry.getByLabel("Email").fill("not an email");
  await inquiry.getByLabel("Phone").fill("call me maybe");
  await inquiry.getByRole("button", { name: "Send inquiry" }).click();
  await expect(inquiry.getByText("Enter a name.")).toBeVisible();
  await expect(inquiry.getByText("Enter a valid email address.")).toBeVisible();
  await expect(inquiry.getByText("Use digits, spaces and + ( ) - only.")).toBeVisible();
  await expect(inquiry.getByText("Enter a type, such as wedding or portrait.")).toBeVisible();
  await expect(inquiry.getByLabel("Email")).toHaveValue("not an email");
  expect(await testDb().lead.count({ where: { studioId: studio.studio.id } })).toBe(0);

  await inquiry.goto("/inquire/no-such-studio");
  await expect(inquiry.getByText(/could not be found|not found/i).first()).toBeVisible();
  await client.close();
});

test("the embeddable form's endpoint takes JSON or a form from any origin and answers bad input with 400", async ({
  request,
  studio,
}) => {
  const url = `/api/inquiries/${studio.studio.slug}`;
  const preflight = await request.fetch(url, {
    method: "OPTIONS",
    headers: { Origin: "https://studio-site.example", "Access-Control-Request-Method": "POST" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");

  const json = await request.post(url, {
    headers: { Origin: "https://studio-site.example" },
    data: { name: "Embed Person", email: "embed@example.com", eventType: "portrait", brandId: studio.brands[1].id },
  });
  expect(json.status()).toBe(201);
  expect(json.headers()["access-control-allow-origin"]).toBe("*");
  expect(await json.json()).toMatchObject({ ok: true });

  const form = await request.post(url, {
    multipart: { name: "Form Person", email: "form@example.com", eventType: "event", website: "" },
  });
  expect(form.status()).toBe(201);

  const bad = await request.post(url, { data: { name: "", email: "x", eventDate: "18/09/2027" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors).toMatchObject({
    name: ["Enter a name."],
    email: ["Enter a valid email address."],
    eventDate: ["Enter a real date as YYYY-MM-DD."],
  });

  const broken = await request.post(url, { headers: { "Content-Type": "application/json" }, data: "{not json" });
  expect(broken.status()).toBe(400);
  expect(
    (
      await request.post("/api/inquiries/no-such-studio", {
        data: { name: "A", email: "a@example.com", eventType: "wedding" },
      })
    ).status(),
  ).toBe(404);

  const leads = await testDb().lead.findMany({ where: { studioId: studio.studio.id }, orderBy: { createdAt: "asc" } });
  expect(leads.map((l) => [l.name, l.source, l.brandId])).toEqual([
    ["Embed Person", "website", studio.brands[1].id],
    ["Form Person", "website", studio.brands[0].id],
  ]);
});
