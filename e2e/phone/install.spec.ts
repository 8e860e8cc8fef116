import { expect, test, signIn } from "../fixtures";

// What a phone reads when the photographer adds ShootQ to the home screen: the manifest the page
// links, its icons, and the pages it opens.

/** A PNG's width and height, from its IHDR chunk (bytes 16–24). */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

type Manifest = {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
  shortcuts: { name: string; url: string }[];
};

test("a photographer pins ShootQ to the phone's home screen: it has a name, icons that load at their sizes, and opens on the dashboard", async ({
  page,
  studio,
}) => {
  await signIn(page, studio.owner.email, studio.password);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#4f5bd5");
  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");

  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({
    name: "ShootQ",
    short_name: "ShootQ",
    display: "standalone",
    start_url: "/dashboard",
  });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);

  for (const icon of [...manifest.icons, { src: appleIcon!, sizes: "180x180", type: "image/png" }]) {
    const file = await page.request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
    const { width, height } = pngSize(await file.body());
    expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    // Stamped with its content (lib/assets.ts): behind nginx it is cached for a year.
    expect(icon.src).toMatch(/\?v=[0-9a-f]{10}$/);
    if (file.headers()["x-served-by"] === "nginx") expect(file.headers()["cache-control"]).toContain("immutable");
  }

  // Opened from the home screen: the dashboard, and each shortcut a page of its own.
  await page.goto(manifest.start_url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Welcome back/);
  for (const shortcut of manifest.shortcuts) {
    await page.goto(shortcut.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(shortcut.name);
  }
});
