import { solidPng } from "../../scripts/testing/images";
import { expect, test } from "../fixtures";

test("the owner uploads a brand's logo; the brand's emails arrive headed with it, and removing it leaves the name alone", async ({
  page,
  signedIn,
  mailbox,
}) => {
  await page.goto("/settings/studio");
  const logo = page.getByRole("region", { name: "Portraits by Test's logo" });
  await expect(logo).toContainText("No logo: Portraits by Test's emails are headed with its name.");

  // A photo far past the cap is refused before it is sent, beside the field.
  await logo.getByLabel("Logo for Portraits by Test").setInputFiles({
    name: "wedding-photo.png",
    mimeType: "image/png",
    buffer: Buffer.concat([solidPng(10, 10), Buffer.alloc(13 * 1024 * 1024)]),
  });
  await logo.getByRole("button", { name: "Upload logo" }).click();
  // The form's summary and the field's own error both say it.
  await expect(logo.getByRole("alert")).toHaveText([
    /^The image is larger than 256 KB/,
    /^The image is larger than 256 KB/,
  ]);
  await expect(logo.getByLabel("Logo for Portraits by Test")).toHaveAttribute("aria-invalid", "true");

  // A file that only claims to be a PNG is refused beside the field, and nothing is saved.
  await logo.getByLabel("Logo for Portraits by Test").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("name,email\nAda,ada@example.com\n"),
  });
  await logo.getByRole("button", { name: "Upload logo" }).click();
  await expect(logo.getByText("That file is not an image: choose a PNG or JPEG.")).toBeVisible();
  await expect(logo.getByLabel("Logo for Portraits by Test")).toHaveAttribute("aria-invalid", "true");
  await expect(logo.getByRole("img")).toHaveCount(0);

  await logo.getByLabel("Logo for Portraits by Test").setInputFiles({
    name: "portraits-logo.png",
    mimeType: "image/png",
    buffer: solidPng(300, 100),
  });
  await logo.getByRole("button", { name: "Upload logo" }).click();
  await expect(logo.getByRole("status")).toHaveText(
    "Logo saved: it heads every email Portraits by Test sends from now on.",
  );
  // Shown as the emails show it: 48 pixels high.
  const shown = logo.getByRole("img", { name: "Portraits by Test's logo" });
  await expect(shown).toHaveAttribute("height", "48");
  await expect(shown).toHaveJSProperty("naturalWidth", 300);
  // The other brand has none.
  await expect(page.getByRole("region", { name: "Weddings by Test's logo" })).toContainText("No logo");

  // The brand's own email, as the client gets it: a test of its proposal email to the owner.
  await page.goto("/settings/emails/proposal");
  const brand = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Portraits by Test", exact: true }),
  });
  await brand.getByRole("button", { name: "Send me a test" }).click();
  await expect(brand.getByRole("status")).toContainText(`A test is on its way to ${signedIn.owner.email}`);
  const mail = await mailbox.waitFor({ to: signedIn.owner.email, subject: /^\[Test\]/ });
  expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([["logo.png", "image/png"]]);
  expect((await mail.attachments[0].content()).equals(solidPng(300, 100))).toBe(true);

  // Opened in the mail client (the sink's viewer): the logo shows above the brand's name.
  const reader = await page.context().newPage();
  await reader.goto(mailbox.htmlUrl(mail));
  // Decorative (alt=""): the brand's name is the heading right below it.
  const header = reader.locator("img");
  await expect(header).toHaveAttribute("alt", "");
  await expect(header).toHaveJSProperty("naturalWidth", 300);
  await expect(header).toHaveAttribute("width", "144");
  await expect(reader.getByRole("heading", { level: 1, name: "Portraits by Test" })).toBeVisible();
  await reader.close();

  // Removed: the page and the next email show the name alone.
  await page.goto("/settings/studio");
  page.once("dialog", (dialog) => void dialog.accept());
  await logo.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByRole("status")).toContainText("Logo removed: Portraits by Test's emails show its name alone.");
  await expect(logo.getByRole("img")).toHaveCount(0);
  await page.goto("/settings/emails/proposal");
  await brand.getByRole("button", { name: "Send me a test" }).click();
  await expect(brand.getByRole("status")).toContainText("A test is on its way");
  await expect(async () => {
    const tests = await mailbox.find({ to: signedIn.owner.email, subject: /^\[Test\]/ });
    expect(tests).toHaveLength(2);
    expect(tests.find((m) => m.id !== mail.id)?.attachments).toEqual([]);
  }).toPass({ timeout: 20_000 });
});
