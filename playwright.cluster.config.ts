import { defineConfig } from "@playwright/test";
import base, { PHONE } from "./playwright.config";

const port = Number(process.env.E2E_CLUSTER_PORT ?? 3310);

// The whole e2e suite against the production layout (nginx in front of two nodes, replica 2 s
// behind), then the specs that kill and restart nodes, alone, once every journey has finished.
export default defineConfig({
  ...base,
  testIgnore: undefined,
  globalSetup: "./e2e/support/cluster-setup.ts",
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  projects: [
    // The accessibility walk runs on one node only: what it checks does not depend on the layout.
    {
      name: "journeys",
      use: base.projects?.[0]?.use,
      testIgnore: ["cluster/disruptions.spec.ts", "a11y/axe.spec.ts", "phone/**"],
    },
    { name: "phone", use: PHONE, testMatch: ["phone/**/*.spec.ts"] },
    {
      name: "disruptions",
      use: base.projects?.[0]?.use,
      testMatch: "cluster/disruptions.spec.ts",
      dependencies: ["journeys"],
      fullyParallel: false,
    },
  ],
});
