import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "scripts/testing/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "prisma/**/*.test.ts"],
    globalSetup: ["scripts/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Tests derive emailed link tokens as the app does; apps they start get the same secret.
    env: { LINK_SECRET: "test-link-secret-0123456789abcdefghijklmn" },
  },
});
