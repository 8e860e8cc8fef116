import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "scripts/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "prisma/**/*.test.ts"],
    globalSetup: ["scripts/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files run side by side against the shared servers: each test makes its own studio, and a file
    // that owns something database-wide (the email queue) gets a database of its own. They mostly
    // wait (on replicas, app servers, SMTP), so more run at once than there are cores.
    fileParallelism: true,
    maxWorkers: 4,
    // Tests derive emailed link tokens as the app does; apps they start get the same secret.
    env: { LINK_SECRET: "test-link-secret-0123456789abcdefghijklmn", OPERATOR_TOKEN: "test-operator-token-0123456789" },
  },
});
