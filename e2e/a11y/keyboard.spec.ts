import { type Locator, type Page } from "@playwright/test";
import { expect, reloadUntil, test } from "../fixtures";

// The whole first journey with the keyboard alone: no click, no fill. Every control is reached
// with Tab (or Shift+Tab), shows where the focus is, and is worked with the keys a person uses.

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails when it never gets it. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  // Found once (waiting for it to be on the page): the check after each press is then one short
  // round trip, not a new search of the page by role and name. A long journey makes ~170 presses.
  const element = await target.elementHandle();
  try {
    for (let presses = 0; presses < max; presses++) {
      if (await element.evaluate((el) => el === document.activeElement)) {
        // The focus can be seen where it is (the :focus-visible ring of globals.css).
        expect(await element.evaluate((el) => el.matches(":focus-visible")), "focus is visible").toBe(true);
        return;
      }
      await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    }
  } finally {
    await element.dispose();
  }
  throw new Error(`${max} presses of Tab never reached ${target.toString()}`);
}

/**
 * Takes the skip link from the top of a page, as a keyboard user does on every page after the
 * first: the next Tab is inside the page's own content, past the studio's navigation.
 */
async function skipToContent(page: Page) {
  await tabTo(page, page.getByRole("link", { name: "Skip to content" }));
  await page.keyboard.press("Enter");
}

/** A date input takes its parts as digits in the browser's order (en-US: month, day, year). */
async function typeDate(page: Page, dayKey: string) {
  const [year, month, day] = dayKey.split("-");
  await page.keyboard.type(`${month}${day}${year}`);
}

test("a photographer signs in, reaches the leads and picks a brand without the mouse", async ({ page, studio }) => {
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(studio.owner.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(studio.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);

  // The first Tab of a page offers the skip link; the studio's navigation comes next.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const nav = page.getByRole("navigation", { name: "Studio" });
  await tabTo(page, nav.getByRole("link", { name: "Leads", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/leads$/);

  // The brand picker is a select: an arrow chooses, and the choice is kept for the session.
  const picked = () => page.getByLabel("for:").locator("option:checked");
  await tabTo(page, page.getByLabel("for:"), { back: true });
  // Each choice is saved by the picker's form (a server action): wait for it before reloading.
  const saved = () => page.waitForResponse((r) => r.request().method() === "POST");
  let choice = saved();
  await page.keyboard.press("ArrowDown");
  await expect(picked()).toHaveText("Portraits by Test");
  await choice;
  await reloadUntil(page, () => expect(picked()).toHaveText("Portraits by Test", { timeout: 1000 }));
  await tabTo(page, page.getByLabel("for:"));
  choice = saved();
  await page.keyboard.press("ArrowUp");
  await choice;
  await reloadUntil(page, () => expect(picked()).toHaveText("All Brands", { timeout: 1000 }));
});

// The journey's second half, its own test: about 200 key presses, each checked, are more than one
// test's minute on a slow machine when the sign-in above comes first.
test("a signed-in photographer enters a lead, converts it and schedules a session without the mouse", async ({
  page,
  signedIn,
}) => {
  await page.goto("/leads");
  await expect(page.getByRole("banner")).toContainText(signedIn.owner.name);
  await skipToContent(page);
  await tabTo(page, page.getByRole("link", { name: "New lead" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "New lead" })).toBeVisible();

  // A refused form puts the focus on the first field to fix.
  await skipToContent(page);
  await tabTo(page, page.getByRole("button", { name: "Save lead" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.keyboard.type("Keyboard Kim");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type("kim.keys@example.com");
  await tabTo(page, page.getByLabel("Event type"));
  await page.keyboard.type("wedding");
  await tabTo(page, page.getByRole("button", { name: "Save lead" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard Kim" })).toBeVisible();

  await skipToContent(page);
  await tabTo(page, page.getByLabel("Job title"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Kim Wedding");
  await tabTo(page, page.getByRole("button", { name: "Convert to job" }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { level: 1, name: "Kim Wedding" })).toBeVisible();

  await skipToContent(page);
  await tabTo(page, page.getByLabel("Event name"));
  await page.keyboard.type("Engagement session");
  await tabTo(page, page.getByLabel("Date", { exact: true }));
  await typeDate(page, "2027-05-14");
  await tabTo(page, page.getByLabel("Start time"));
  await page.keyboard.type("0530P");
  await tabTo(page, page.getByLabel("End time"));
  await page.keyboard.type("0700P");
  await tabTo(page, page.getByLabel("This is a shoot"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("This is a shoot")).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Add event" }));
  await page.keyboard.press("Enter");
  const events = page.getByRole("list", { name: "Events" });
  await expect(events).toContainText("Engagement session");
  await expect(events).toContainText("5:30 PM–7:00 PM");
});
