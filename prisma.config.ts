import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded here: migrations are plain SQL applied by
// scripts/db/migrate.ts, and the CLI is only used for `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
