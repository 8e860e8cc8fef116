import { createJob, createLead, dateOnly } from "../../prisma/factories";
import { expect, reloadUntil, replicated, test, testDb } from "../fixtures";
import { dayInZone } from "../pipeline/helpers";

test("an inquiry for a day that is already booked shows Booked on the dashboard and the lead list; a free day shows Available", async ({
  browser,
  page,
  signedIn,
}) => {
  const booked = dayInZone(120);
  const free = dayInZone(127);
  await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Nguyen–Walsh Wedding",
    status: "BOOKED",
    date: dateOnly(new Date(`${booked}T00:00:00Z`)),
  });
  // An earlier inquiry, for a day that is still free.
  await createLead(testDb(), {
    studioId: signedIn.studio.id,
    name: "Ethan Foster",
    status: "NEW",
    eventType: "wedding",
    eventDate: dateOnly(new Date(`${free}T00:00:00Z`)),
    createdAt: new Date(Date.now() - 3_600_000),
  });
  await replicated();

  // A couple asks for the booked day on the studio's public inquiry page.
  const client = await browser.newContext();
  const inquiry = await client.newPage();
  await inquiry.goto(`/inquire/${signedIn.studio.slug}`);
  await inquiry.getByLabel("Your name").fill("Chloe Brooks");
  await inquiry.getByLabel("Email").fill(`chloe.${Date.now()}@example.com`);
  await inquiry.getByLabel("Type of event").fill("wedding");
  await inquiry.getByLabel("Event date").fill(booked);
  await inquiry.getByRole("button", { name: "Send inquiry" }).click();
  await expect(inquiry.getByRole("status")).toContainText("Thank you, Chloe Brooks!");
  await client.close();

  // The client's inquiry is someone else's write: it shows once the replica has it.
  const newLeads = page.getByRole("list", { name: "New leads" });
  await page.goto("/dashboard");
  await reloadUntil(page, async () => {
    await expect(newLeads.getByRole("listitem")).toHaveCount(2, { timeout: 1_000 });
  });
  await expect(newLeads.getByRole("listitem").filter({ hasText: "Chloe Brooks" })).toContainText(
    "Booked: Nguyen–Walsh Wedding",
  );
  await expect(newLeads.getByRole("listitem").filter({ hasText: "Ethan Foster" })).toContainText("Available");
  await expect(page.getByTestId("new-leads")).toHaveText("You have 2 new leads.");

  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Leads" }).click();
  await expect(page.getByRole("row", { name: /Chloe Brooks/ })).toContainText("Booked: Nguyen–Walsh Wedding");
  await expect(page.getByRole("row", { name: /Ethan Foster/ })).toContainText("Available");
  await page.getByRole("link", { name: "Chloe Brooks" }).click();
  await expect(page.getByText("Booked: Nguyen–Walsh Wedding")).toBeVisible();

  // A studio that takes two jobs a day still has room on that day.
  await page.goto("/settings/studio");
  await page.getByLabel("Jobs you take per day").fill("2");
  await page.getByRole("button", { name: "Save studio" }).click();
  await expect(page.getByText("Studio settings saved.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(newLeads.getByRole("listitem").filter({ hasText: "Chloe Brooks" })).toContainText("Available");
});
