import { readFile } from "node:fs/promises";
import { createLead } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("a photographer filters the leads list, exports it and the file holds the filtered leads", async ({
  page,
  signedIn,
}) => {
  const studioId = signedIn.studio.id;
  const hour = 3_600_000;
  await createLead(testDb(), {
    studioId,
    name: "Ava Lindqvist",
    status: "LOST",
    createdAt: new Date(Date.now() - hour),
  });
  await createLead(testDb(), {
    studioId,
    name: "=HYPERLINK(1)",
    status: "LOST",
    createdAt: new Date(Date.now() - 2 * hour),
  });
  await createLead(testDb(), { studioId, name: "Ben Okafor", status: "NEW" });
  await replicated();

  await page.goto("/leads");
  await expect(page.getByRole("link", { name: "Ben Okafor" })).toBeVisible();
  await page.getByLabel("Show").selectOption("LOST");
  await expect(page).toHaveURL(/status=LOST/);
  await expect(page.getByRole("link", { name: "Ava Lindqvist" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${signedIn.studio.slug}-leads-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const lines = (await readFile(await download.path(), "utf8"))
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toMatch(/^Name,Email,Phone,Event type,Event date,Stage,/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^Ava Lindqvist,.*,Lost,/);
  // A name a spreadsheet would run as a formula arrives as text.
  expect(lines[2]).toMatch(/^'=HYPERLINK\(1\),/);
  expect(lines.join("\n")).not.toContain("Ben Okafor");
});

test("an owner downloads everything as one ZIP from the studio settings", async ({ page, signedIn }) => {
  await createLead(testDb(), { studioId: signedIn.studio.id, name: "Chloe Brooks" });
  await replicated();
  await page.goto("/settings/studio");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export everything" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${signedIn.studio.slug}-export-\\d{4}-\\d{2}-\\d{2}\\.zip$`),
  );
  const zip = await readFile(await download.path());
  // A ZIP starts with a local file header, and lists its files by name in the central directory.
  expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  for (const name of [
    "README.txt",
    "leads.csv",
    "clients.csv",
    "jobs.csv",
    "invoices.csv",
    "payments.csv",
    "tasks.csv",
    "events.csv",
  ]) {
    expect(zip.includes(Buffer.from(name))).toBe(true);
  }
});
