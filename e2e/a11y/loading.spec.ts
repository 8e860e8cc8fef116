import { expect, test } from "../fixtures";

// Every page has a loading state: while the next page is on its way, a bar across the top says
// so (and a screen reader hears it), the page you were on stays usable, and the bar goes once
// the new page is there.

test("a page that takes a moment shows a loading bar until it is there, and a screen reader hears it", async ({
  page,
  signedIn,
}) => {
  await page.goto("/dashboard");
  const dashboard = page.getByRole("heading", { level: 1, name: `Welcome back, ${signedIn.owner.name.split(" ")[0]}` });
  await expect(dashboard).toBeVisible();
  // The next page's data is held back, as on a slow connection or a busy server.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/clients",
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.getByRole("link", { name: "Clients", exact: true }).first().click();
  const bar = page.getByRole("progressbar", { name: "Loading the page" });
  await expect(bar).toBeVisible();
  const message = page.getByTestId("page-loading-message");
  await expect(message).toHaveAttribute("aria-live", "polite");
  await expect(message).toHaveText("Loading the page…");
  // Still the page you were on, not a blank one.
  await expect(dashboard).toBeVisible();
  release();
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(message).toHaveText("");

  // A link to the page you are on starts nothing: no bar stays up waiting for a page that never comes.
  await page.getByRole("link", { name: "Clients", exact: true }).first().click();
  await page.waitForTimeout(500);
  await expect(bar).toHaveCount(0);
});
