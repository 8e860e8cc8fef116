import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);

/** An iPhone 13's screen (390×844), touch and user agent, driven by Chromium. */
export const PHONE = {
  ...devices["Desktop Chrome"],
  viewport: devices["iPhone 13"].viewport,
  deviceScaleFactor: devices["iPhone 13"].deviceScaleFactor,
  userAgent: devices["iPhone 13"].userAgent,
  isMobile: true,
  hasTouch: true,
};

// Chromium comes from Debian (Playwright's own browser download is not reachable here).
// The background-networking flags keep it from calling home on a closed network.
export default defineConfig({
  testDir: "e2e",
  // e2e/cluster needs nginx and several nodes: playwright.cluster.config.ts runs it.
  testIgnore: ["cluster/**"],
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // No retries anywhere: a spec that passes only on a second try is a failing spec.
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    // A project's testIgnore replaces the config's: cluster/** is repeated here.
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: ["cluster/**", "phone/**"] },
    // e2e/phone: the journeys at a phone's size and touch, in the same Chromium.
    { name: "phone", use: PHONE, testMatch: ["phone/**/*.spec.ts"] },
  ],
});
