// Config for the prisma 6 CLI (installed as "prisma6"), used only to compute migration SQL with
// its WebAssembly schema engine, since the native engine cannot be downloaded here.
import { PrismaPg } from "@prisma/adapter-pg";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA6_SCHEMA ?? "prisma/schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/unused" });
  },
};
