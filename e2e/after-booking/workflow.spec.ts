import { createJob, dateOnly } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("completing a workflow task moves What's Next to the job's next step", async ({ page, signedIn }) => {
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Patel–Morgan Wedding",
    date: dateOnly(new Date(Date.now() - 30 * 86_400_000)),
  });
  await replicated();

  await page.goto("/workflows/new");
  await page.getByLabel("Workflow name").fill("Leather Album");
  await page.getByLabel("Step 1 name").fill("Album Design");
  await page.getByLabel("Step 1 days").fill("14");
  await page.getByLabel("Step 1 counted").selectOption({ label: "after the job date" });
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByLabel("Step 2 name").fill("Client Approves Design");
  await page.getByLabel("Step 2 days").fill("7");
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByLabel("Step 3 name").fill("Place order for Product");
  await page.getByLabel("Step 3 days").fill("3");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole("heading", { name: "Leather Album" })).toBeVisible();

  await page.goto(`/jobs/${job.id}/workflow`);
  await page.getByLabel("Workflow").selectOption({ label: "Leather Album" });
  await page.getByRole("button", { name: "Apply workflow" }).click();
  await expect(page.getByText("3 tasks added.")).toBeVisible();
  const tasks = page.getByRole("list", { name: "Tasks" });
  await expect(tasks.getByRole("listitem")).toHaveCount(3);
  await expect(tasks.getByRole("listitem").first()).toContainText("Album Design");
  await expect(tasks.getByRole("listitem").first()).toContainText("Next");

  const whatsNext = page.getByRole("list", { name: "Next tasks" });
  await page.goto("/dashboard");
  const patelMorgan = whatsNext.getByRole("listitem").filter({ hasText: "Patel–Morgan Wedding" });
  await expect(patelMorgan.getByRole("link", { name: "Leather Album → Album Design" })).toBeVisible();
  await expect(patelMorgan.getByText(/Overdue by \d+ days/)).toBeVisible();

  await page.goto("/tasks");
  await page.getByRole("button", { name: "Complete Album Design for Patel–Morgan Wedding" }).click();
  await expect(page.getByRole("button", { name: "Complete Album Design for Patel–Morgan Wedding" })).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: "Complete Client Approves Design for Patel–Morgan Wedding" }),
  ).toBeVisible();

  await page.goto("/dashboard");
  await expect(patelMorgan.getByRole("link", { name: "Leather Album → Client Approves Design" })).toBeVisible();
  await expect(whatsNext.getByRole("link", { name: "Leather Album → Album Design" })).toHaveCount(0);

  await page.goto(`/jobs/${job.id}/workflow`);
  await expect(tasks.getByRole("listitem").nth(1)).toContainText("Next");
  await expect(tasks.getByRole("listitem").first()).toContainText("Done");
});
