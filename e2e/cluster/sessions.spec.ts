import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { clusterStatus } from "./control";

/** Chooses a brand in the header; the choice is a server action that saves it in the session cookie. */
async function pickBrand(page: Page, name: string) {
  const saved = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
  );
  await page.getByLabel("for:").selectOption({ label: name });
  expect((await saved).ok()).toBe(true);
}

test("a user stays signed in while their requests land on different nodes", async ({ page, signedIn }) => {
  const nodes = new Set<string>();
  // nginx alternates between the nodes, but other traffic interleaves: look until both served us.
  for (let i = 0; i < 30 && nodes.size < 2; i++) {
    const res = await page.goto(i % 2 ? "/dashboard" : "/settings");
    nodes.add(res!.headers()["x-shootq-node"]);
    await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
    if (i % 3 === 2) await page.request.get("/api/health");
  }
  expect([...nodes].sort()).toEqual(["node-1", "node-2"]);

  // A server action rendered by one node and answered by whichever nginx picks, then read on both.
  await page.goto("/dashboard");
  await pickBrand(page, signedIn.brands[1].name);
  const seen = new Set<string>();
  for (let i = 0; i < 30 && seen.size < 2; i++) {
    const res = await page.goto("/dashboard");
    seen.add(res!.headers()["x-shootq-node"]);
    await expect(page.getByLabel("for:")).toHaveValue(signedIn.brands[1].id);
    if (i % 3 === 2) await page.request.get("/api/health");
  }
  expect(seen.size).toBe(2);
});

test("a session that stays signed in when its requests alternate between two app nodes started side by side", async ({
  page,
  studio,
}) => {
  const [a, b] = (await clusterStatus()).nodes;
  const at = (node: { port: number }, p: string) => `http://127.0.0.1:${node.port}${p}`;

  await page.goto(at(a, "/sign-in"));
  await page.getByLabel("Email").fill(studio.owner.email);
  await page.getByLabel("Password").fill(studio.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(at(a, "/dashboard"));

  for (const node of [b, a, b, a]) {
    const res = await page.goto(at(node, "/dashboard"));
    expect(res!.headers()["x-shootq-node"]).toBe(node.name);
    await expect(page.getByTestId("studio-name")).toHaveText(studio.studio.name);
  }

  // State written through one node's session cookie is read by the other.
  await page.goto(at(b, "/dashboard"));
  await pickBrand(page, studio.brands[0].name);
  const res = await page.goto(at(a, "/dashboard"));
  expect(res!.headers()["x-shootq-node"]).toBe(a.name);
  await expect(page.getByLabel("for:")).toHaveValue(studio.brands[0].id);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Start your studio" })).toBeVisible();
  await page.goto(at(b, "/dashboard"));
  await expect(page).toHaveURL(/\/sign-in/);
});
