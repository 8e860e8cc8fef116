import { createJob } from "../../prisma/factories";
import { expect, linkIn, queuedEmail, reloadUntil, replicated, test, testDb } from "../fixtures";

test("a client answers a questionnaire and the photographer sees the response", async ({ page, browser, signedIn }) => {
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Nguyen–Walsh Wedding",
    contact: { name: "Grace Nguyen", email: `grace-${Date.now()}@example.com` },
  });
  await replicated();

  await page.goto("/questionnaires/new");
  await page.getByLabel("Questionnaire name").fill("Wedding day details");
  await page.getByLabel("Question 1", { exact: true }).fill("Ceremony venue");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByLabel("Question 2", { exact: true }).fill("Are you planning a first look?");
  await page.getByLabel("Answer type for question 2").selectOption("choice");
  await page.getByLabel("Options for question 2").fill("Yes\nNo\nNot sure yet");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByLabel("Question 3", { exact: true }).fill("Rehearsal date");
  await page.getByLabel("Answer type for question 3").selectOption("date");
  await page.getByRole("button", { name: "Create questionnaire" }).click();
  await expect(page).toHaveURL(/\/questionnaires$/);
  await expect(page.getByText("3 questions")).toBeVisible();

  await page.goto(`/jobs/${job.id}/questionnaires`);
  await page.getByLabel("Questionnaire").selectOption({ label: "Wedding day details" });
  await page.getByRole("button", { name: "Send questionnaire" }).click();
  await expect(page.getByText("The questionnaire is on its way to your client.")).toBeVisible();
  await expect(page.getByText(/waiting for answers/)).toBeVisible();

  // The client follows the link in the email; no account, a browser of their own.
  const email = await queuedEmail({ studioId: signedIn.studio.id, kind: "questionnaire.sent" });
  expect(email.to).toBe(job.contact.email);
  const link = linkIn(email.text, "/q/");
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await client.goto(new URL(link).pathname);
  await expect(client.getByRole("heading", { name: "Wedding day details" })).toBeVisible();

  await client.getByLabel("Ceremony venue").fill("Wave Hill, Bronx");
  await client.getByRole("button", { name: "Save and finish later" }).click();
  await expect(client.getByText("Your answers are saved.")).toBeVisible();
  await client.reload();
  await expect(client.getByLabel("Ceremony venue")).toHaveValue("Wave Hill, Bronx");

  await client.getByRole("radio", { name: "Yes" }).check();
  await client.getByLabel("Rehearsal date").fill("2027-05-14");
  await client.getByRole("button", { name: "Submit answers" }).click();
  await expect(client.getByText(/You submitted these answers/)).toBeVisible();
  await expect(client.getByRole("button", { name: "Submit answers" })).toHaveCount(0);
  await client.reload();
  await expect(client.getByText(/They are read-only now/)).toBeVisible();
  await expect(client.getByText("2027-05-14")).toBeVisible();
  await clientContext.close();

  await reloadUntil(page, async () => {
    await expect(page.getByText(/^Answered /)).toBeVisible({ timeout: 1_000 });
  });
  await expect(page.getByText("Wave Hill, Bronx")).toBeVisible();
  await expect(page.getByText("Yes", { exact: true })).toBeVisible();

  // The client's answer is someone else's write: the photographer's pages show it once the
  // replica has it (a moment), as a person reloading would see.
  await page.goto("/dashboard");
  await reloadUntil(page, async () => {
    await expect(
      page.getByRole("link", { name: "Your questionnaire for Nguyen–Walsh Wedding has received a response" }),
    ).toBeVisible({ timeout: 1_000 });
  });
});
