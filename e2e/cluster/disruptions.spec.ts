import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { clusterStatus, rollCluster, waitForAllNodes } from "./control";
import { startLoad, type LoadRequest } from "./load";

// These specs kill and restart nodes, so the cluster config runs them alone, after every journey.
test.describe.configure({ mode: "serial" });

const BASE = `http://localhost:${process.env.E2E_CLUSTER_PORT ?? 3310}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cookieHeader(context: { cookies(): Promise<{ name: string; value: string }[]> }) {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

// Pages people load. Not /api/health: under this load on two cores its 500 ms database probe may
// time out and answer 503, which is that endpoint's contract, not a failed page.
function reads(cookie: string): LoadRequest[] {
  return [
    { path: "/" },
    { path: "/sign-in" },
    { path: "/dashboard", headers: { cookie } },
    { path: "/settings", headers: { cookie } },
  ];
}

function expectNoFailures(result: { sent: number; failed: number; failures: string[] }) {
  expect(result.failures.slice(0, 10), `${result.failed} of ${result.sent} requests failed`).toEqual([]);
  expect(result.failed).toBe(0);
}

test("after every journey ran, no node has kept a page or data cache another node could read stale", async () => {
  // Every page is rendered per request (force-dynamic): Next.js writes ISR pages and fetch data
  // under .next/cache and .next/server/app of the release the nodes run from. Only the build's own
  // error page may be there.
  const releases = path.join(process.env.SHOOTQ_CLUSTER_DATA_DIR!, "releases");
  const [release] = readdirSync(releases);
  const next = path.join(releases, release, ".next");
  expect(existsSync(path.join(next, "cache"))).toBe(false);
  const rendered = readdirSync(path.join(next, "server", "app"), { recursive: true, encoding: "utf8" }).filter((f) =>
    /\.(html|rsc|body)$/.test(f),
  );
  expect(rendered.filter((f) => !f.startsWith("_global-error"))).toEqual([]);
});

test("one node killed during a run of GETs causes no failed request", async ({ page, signedIn }) => {
  const before = await waitForAllNodes();
  const victim = before.nodes[1];
  const load = startLoad({ baseUrl: BASE, concurrency: 8, requests: reads(await cookieHeader(page.context())) });
  await sleep(2_000);
  process.kill(victim.pid!, "SIGKILL");
  await sleep(4_000);
  const result = await load.stop();
  console.log(
    `kill drill: ${result.sent} requests, ${result.failed} failed, by node ${JSON.stringify(result.byNode)}, cut off ${JSON.stringify(result.cutOff)}`,
  );
  // A SIGKILL cuts off the answers the victim was streaming at that instant: nginx had passed their
  // headers on (pages stream), so it cannot send them to the other node, and a browser would show
  // that one page cut off. Those may fail, from the victim only; every other request must not.
  const cutOff = Object.values(result.cutOff).reduce((n, c) => n + c, 0);
  expect(Object.keys(result.cutOff).filter((node) => node !== victim.name)).toEqual([]);
  expect(cutOff).toBeLessThanOrEqual(8);
  expectNoFailures({
    sent: result.sent,
    failed: result.failed - cutOff,
    failures: result.failures.filter((f) => !f.includes("(cut off mid-answer from")),
  });
  // Both nodes served the load before the kill; the survivor served the rest.
  expect(result.sent).toBeGreaterThan(40);
  expect(result.byNode["node-1"]).toBeGreaterThan(0);
  expect(result.byNode["node-2"]).toBeGreaterThan(0);

  // The cluster restarts the dead node on its own.
  const after = await waitForAllNodes();
  const restarted = after.nodes.find((n) => n.name === victim.name)!;
  expect(restarted.pid).not.toBe(victim.pid);
  expect(restarted.restarts).toBe(victim.restarts + 1);
  await page.goto("/dashboard");
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
});

test("a rolling restart during a run of requests causes no failed request", async ({ page, signedIn }) => {
  const before = await waitForAllNodes();
  const cookie = await cookieHeader(page.context());
  const requests: LoadRequest[] = [
    ...reads(cookie),
    // A write that is never replayed: a wrong password, answered by whichever node nginx picks.
    {
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=nobody%40example.com&password=wrong-password-1",
    },
  ];
  const load = startLoad({ baseUrl: BASE, concurrency: 8, requests });
  await sleep(1_000);
  const report = await rollCluster();
  await sleep(1_000);
  const result = await load.stop();
  console.log(
    `rolling restart: ${JSON.stringify(report.steps)}; ${result.sent} requests, ${result.failed} failed, ${result.resent} resent on a fresh connection`,
  );
  expectNoFailures(result);
  expect(report.steps.map((s) => s.node)).toEqual(["node-1", "node-2"]);

  const after = await waitForAllNodes();
  for (const node of after.nodes) {
    expect(node.pid).not.toBe(before.nodes.find((n) => n.name === node.name)!.pid);
  }
  // Still signed in after every node restarted: sessions live in cookies, not in a node.
  await page.goto("/dashboard");
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
});

const held = (page: Page) => page.evaluate(() => (window as unknown as { heldPage?: boolean }).heldPage);

test("a browser holding a page of the previous release reloads fully on its next navigation, and its actions still work", async ({
  page,
  signedIn,
}) => {
  const problems: string[] = [];
  const other = await page.context().newPage();
  for (const p of [page, other]) {
    p.on("pageerror", (e) => problems.push(e.message));
    p.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await p.goto("/dashboard");
    await expect(p.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
    await p.evaluate(() => ((window as unknown as { heldPage: boolean }).heldPage = true));
  }
  const nav = page.getByRole("navigation", { name: "Studio" });
  // Within one release a click is a client-side navigation: the page's JavaScript state stays.
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  expect(await held(page)).toBe(true);

  const deploymentId = `e2e-next-${Date.now().toString(36)}`;
  await rollCluster({ deploymentId });
  const assetsAfterRollout: string[] = [];
  page.on("request", (r) => r.url().includes("/_next/static/") && assetsAfterRollout.push(r.url()));

  // After the rollout the same click is a full page load of the new release. The router changes
  // the URL first, while the old page (whose shell also names the studio) is still shown, and then
  // loads the new document: until it has, a look at the page may have no page to run in.
  await nav.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect
    .poll(() =>
      held(page).catch((e: Error) => {
        if (/Execution context was destroyed/.test(e.message)) return "loading";
        throw e;
      }),
    )
    .toBeUndefined();
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
  expect(assetsAfterRollout.some((u) => u.includes(`dpl=${deploymentId}`))).toBe(true);

  // A server action from a page of the previous release is still found and answered.
  const saved = other.waitForResponse(
    (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
  );
  await other.getByLabel("for:").selectOption({ label: signedIn.brands[0].name });
  expect((await saved).ok()).toBe(true);
  // The action redirects back to the page; let that navigation finish before opening another.
  await other.waitForLoadState("load");
  await expect(async () => {
    await other.goto("/dashboard");
  }).toPass({ timeout: 10_000 });
  await expect(other.getByLabel("for:")).toHaveValue(signedIn.brands[0].id);

  expect(problems.filter((p) => /Server Action|ChunkLoadError|Loading chunk|Failed to fetch/i.test(p))).toEqual([]);
  expect((await clusterStatus()).deploymentId).toBe(deploymentId);
});
