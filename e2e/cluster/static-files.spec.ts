import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures";

const IMMUTABLE = "public, max-age=31536000, immutable";

test("the build's JavaScript and CSS come from nginx, gzipped and cached for a year", async ({ page, request }) => {
  const assets: string[] = [];
  page.on("response", (res) => {
    if (new URL(res.url()).pathname.startsWith("/_next/static/")) assets.push(res.url());
  });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Start your studio" })).toBeVisible();
  expect(assets.some((u) => u.includes(".js"))).toBe(true);
  expect(assets.some((u) => u.includes(".css"))).toBe(true);

  for (const url of assets) {
    const res = await request.get(url, { headers: { "accept-encoding": "gzip" } });
    expect(res.status(), url).toBe(200);
    const headers = res.headers();
    expect(headers["cache-control"], url).toBe(IMMUTABLE);
    expect(headers["x-served-by"], url).toBe("nginx");
    // Proxied responses carry the node's name and nginx's upstream address; files from disk neither.
    expect(headers["x-shootq-node"], url).toBeUndefined();
    expect(headers["x-upstream"], url).toBeUndefined();
    if (/\.(js|css)(\?|$)/.test(url) && Number(headers["content-length"] ?? 2000) > 1024) {
      expect(headers["content-encoding"], url).toBe("gzip");
    }
  }
});

test("the logo is a public file stamped with its content and served by nginx for a year", async ({ page, request }) => {
  await page.goto("/");
  const src = await page.locator('header img[src^="/logo.svg"]').getAttribute("src");
  const stamp = createHash("sha256")
    .update(readFileSync(path.join(process.cwd(), "public", "logo.svg")))
    .digest("hex")
    .slice(0, 10);
  expect(src).toMatch(new RegExp(`^/logo\\.svg\\?v=${stamp}(&|$)`));

  const logo = await request.get(src!, { headers: { "accept-encoding": "gzip" } });
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toBe("image/svg+xml");
  expect(logo.headers()["cache-control"]).toBe(IMMUTABLE);
  expect(logo.headers()["content-encoding"]).toBe("gzip");
  expect(logo.headers()["x-served-by"]).toBe("nginx");
  expect(logo.headers()["x-upstream"]).toBeUndefined();

  // Without a stamp a file may change under the same URL, so it is cached briefly.
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["cache-control"]).toBe("public, max-age=3600");
  expect(favicon.headers()["x-served-by"]).toBe("nginx");
});

test("pages come from the nodes, never cached by the browser or nginx", async ({ request }) => {
  const res = await request.get("/sign-in");
  expect(res.status()).toBe(200);
  expect(res.headers()["x-shootq-node"]).toMatch(/^node-\d$/);
  // Which node, by name: nginx never tells a client the nodes' addresses.
  expect(res.headers()["x-upstream"]).toBeUndefined();
  expect(res.headers()["cache-control"]).toContain("no-store");
  // The security headers survive nginx: a nonce-based policy, no framing.
  expect(res.headers()["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/,
  );
  expect(res.headers()["referrer-policy"]).toBe("same-origin");
});
