import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NO_ENGINE = path.join(ROOT, "scripts/db/no-engine");

// Prisma 6 requires a url in the datasource block; Prisma 7 forbids it. Diff temporary copies.
function withUrl(schema: string): string {
  return schema.replace(/datasource db \{/, 'datasource db {\n  url = env("DATABASE_URL")');
}

const EMPTY = 'datasource db {\n  provider = "postgresql"\n}\n';

/**
 * An optional link within a studio, `(studioId, x) -> (studioId, id) ON DELETE SET NULL`, must null
 * `x` alone when the parent goes: nulling `studioId` too would fail (it is NOT NULL). Prisma writes
 * the plain form; PostgreSQL 15's column list says which column. Applied to every diff, so migrations
 * and the drift test agree.
 */
function setNullKeepsStudio(sql: string): string {
  return sql.replace(
    /FOREIGN KEY \("studioId", "(\w+)"\) REFERENCES "(\w+)"\("studioId", "id"\) ON DELETE SET NULL(?! \()/g,
    'FOREIGN KEY ("studioId", "$1") REFERENCES "$2"("studioId", "id") ON DELETE SET NULL ("$1")',
  );
}

/**
 * The SQL that takes a database from the `from` datamodel to the `to` datamodel, computed by
 * the prisma 6 CLI's WebAssembly schema engine (the native engine cannot be downloaded here).
 * It connects to `databaseUrl` through the pg adapter but changes nothing there.
 */
export function diffSchemas(databaseUrl: string, from: string | null, to: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-diff-"));
  try {
    writeFileSync(path.join(dir, "from.prisma"), withUrl(from ?? EMPTY));
    writeFileSync(path.join(dir, "to.prisma"), withUrl(to));
    const sql = execFileSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules/prisma6/build/index.js"),
        "migrate",
        "diff",
        "--config",
        path.join(ROOT, "scripts/db/prisma6.config.ts"),
        "--from-schema-datamodel",
        path.join(dir, "from.prisma"),
        "--to-schema-datamodel",
        path.join(dir, "to.prisma"),
        "--script",
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: NO_ENGINE,
          PRISMA_QUERY_ENGINE_LIBRARY: NO_ENGINE,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    ).toString();
    return setNullKeepsStudio(sql);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function currentSchema(): string {
  return readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
}

// `npm run db:migration:new -- <name> [--from <git-rev>]`: writes a new migration with the SQL from
// the schema at <git-rev> (default HEAD) to prisma/schema.prisma as it is now.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith("--"));
  const fromRev = args.includes("--from") ? args[args.indexOf("--from") + 1] : "HEAD";
  if (!name || !/^[a-z0-9_]+$/.test(name))
    throw new Error("usage: npm run db:migration:new -- <snake_case_name> [--from <git-rev>]");
  const databaseUrl = process.env.DATABASE_URL ?? "postgresql://shootq:shootq@127.0.0.1:54320/shootq";
  const from = execFileSync("git", ["show", `${fromRev}:prisma/schema.prisma`], { cwd: ROOT }).toString();
  const sql = diffSchemas(databaseUrl, from, currentSchema());
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma has not changed: no migration written");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(ROOT, "prisma/migrations", `${stamp}_${name}`);
    execFileSync("mkdir", ["-p", dir]);
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql`);
  }
}
