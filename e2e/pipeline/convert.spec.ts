import { createLead } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";
import { dayInZone, dayLabel } from "./helpers";

test("a lead converted to a job with an event shows in the week view", async ({ page, signedIn }) => {
  await createLead(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[0].id,
    name: "Grace Nguyen",
    email: "grace.nguyen@example.com",
    eventType: "wedding",
  });
  await replicated();
  const sessionDay = dayInZone(2);

  await page.goto("/leads");
  await page.getByRole("link", { name: "Grace Nguyen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grace Nguyen" })).toBeVisible();
  await page.getByLabel("Stage").selectOption("CONTACTED");
  await page.getByRole("button", { name: "Update stage" }).click();
  await expect(page.getByText("Stage updated.")).toBeVisible();
  await page.getByLabel("Add a note").fill("Called, they want an engagement session first.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText(
    "Called, they want an engagement session first.",
  );

  await expect(page.getByLabel("Job title")).toHaveValue("Nguyen Wedding");
  await page.getByLabel("Job title").fill("Nguyen–Walsh Wedding");
  await page.getByRole("button", { name: "Convert to job" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nguyen–Walsh Wedding" })).toBeVisible();
  await expect(page.getByText("grace.nguyen@example.com")).toBeVisible();

  await page.getByLabel("Event name").fill("Engagement session");
  await page.getByLabel("Date", { exact: true }).fill(sessionDay);
  await page.getByLabel("Start time").fill("17:30");
  await page.getByLabel("End time").fill("19:00");
  await page.getByLabel("Location").fill("DUMBO waterfront");
  await page.getByLabel("This is a shoot").check();
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByText("Event added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Events" })).toContainText("Engagement session");
  await expect(page.getByRole("list", { name: "Events" })).toContainText("5:30 PM–7:00 PM");

  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Calendar" }).click();
  const week = page.getByRole("list", { name: "Week" });
  await expect(week.getByRole("listitem", { name: dayLabel(sessionDay) })).toContainText("Engagement session");
  await expect(week.getByRole("listitem", { name: dayLabel(sessionDay) })).toContainText("Nguyen–Walsh Wedding");
  await expect(week.getByRole("listitem", { name: dayLabel(dayInZone(3)) })).toContainText("No scheduled events.");
  await expect(page.getByRole("list", { name: "Scheduled shoots" })).toContainText("Engagement session");
  await page.getByRole("link", { name: "Next week →" }).click();
  await expect(page.getByRole("listitem", { name: dayLabel(dayInZone(7)) })).toContainText("No scheduled events.");

  await page.goto("/dashboard");
  await expect(
    page.getByRole("list", { name: "What's Happening" }).getByRole("listitem", { name: dayLabel(sessionDay) }),
  ).toContainText("Engagement session");

  await page.goto("/leads");
  await expect(page.getByRole("row", { name: /Grace Nguyen/ })).toContainText("Contacted");
});

test("the event form explains bad times and saves nothing, and an event can be edited and deleted", async ({
  page,
  signedIn,
}) => {
  await createLead(testDb(), { studioId: signedIn.studio.id, name: "Olivia Chen" });
  await replicated();
  await page.goto("/leads");
  await page.getByRole("link", { name: "Olivia Chen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Olivia Chen" })).toBeVisible();
  await page.getByRole("button", { name: "Convert to job" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Chen/ })).toBeVisible();

  await page.getByLabel("Event name").fill("Family session");
  await page.getByLabel("Date", { exact: true }).fill(dayInZone(1));
  await page.getByLabel("Start time").fill("18:00");
  await page.getByLabel("End time").fill("09:00");
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByText("End time must be after the start time.")).toBeVisible();
  await expect(page.getByLabel("Event name")).toHaveValue("Family session");
  await expect(page.getByRole("list", { name: "Events" })).toHaveCount(0);

  await page.getByLabel("End time").fill("19:30");
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByRole("list", { name: "Events" })).toContainText("6:00 PM–7:30 PM");

  await page.getByRole("link", { name: "Edit Family session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Family session" })).toBeVisible();
  await page.getByLabel("Event name").fill("Family session at the park");
  await page.getByLabel("Start time").fill("16:00");
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("list", { name: "Events" })).toContainText("Family session at the park");
  await expect(page.getByRole("list", { name: "Events" })).toContainText("4:00 PM–7:30 PM");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("list", { name: "Events" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("list", { name: "Events" })).toHaveCount(0);
  await expect(page.getByText("No sessions or shoots yet.")).toBeVisible();
});
