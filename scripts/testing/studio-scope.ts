import { readFileSync } from "node:fs";
import { alterSystem, sql, type TestDatabase } from "./database.ts";

// "Every query filters on studioId" (docs/scaling.md, section 7), checked on what really ran: each
// server logs every statement during a whole e2e run, and the teardown reads the logs back.

/** The pools that serve requests: a studio's pages, actions and API calls. */
const REQUEST_POOLS = /^shootq-(primary|replica-\d+)$/;

/** One statement as PostgreSQL logged it with log_line_prefix '%m [%p] app=%a ': pool and text. */
export type LoggedStatement = { app: string; sql: string };

const PREFIX = /^\d{4}-\d\d-\d\d \S+ \S+ \[\d+\] app=(\S*) (\w+):\s+(.*)$/;
const STATEMENT = /^(?:statement|execute [^:]*):\s?([\s\S]*)$/;

/** The statements in a server log; a statement's later lines follow its first without a prefix. */
export function parseStatements(log: string): LoggedStatement[] {
  const out: LoggedStatement[] = [];
  let current: LoggedStatement | undefined;
  for (const line of log.split("\n")) {
    const m = PREFIX.exec(line);
    if (!m) {
      if (current && line.length > 0) current.sql += `\n${line}`;
      continue;
    }
    current = undefined;
    const statement = m[2] === "LOG" ? STATEMENT.exec(m[3]) : null;
    if (statement) {
      current = { app: m[1], sql: statement[1] };
      out.push(current);
    }
  }
  return out;
}

/** Tables a statement reads or writes, as Prisma (`"public"."Lead"`) or raw SQL (`FROM "Lead"`) names them. */
export function tablesOf(statement: string): string[] {
  const found = new Set<string>();
  for (const m of statement.matchAll(/"public"\."(\w+)"/g)) found.add(m[1]);
  for (const m of statement.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"(\w+)"(?!\.)/gi)) found.add(m[1]);
  return [...found];
}

/** A statement's shape: parameters and literals out, so one query run a thousand times is listed once. */
export const shapeOf = (statement: string) =>
  statement
    .replace(/\$\d+/g, "$")
    .replace(/IN \(\$(?:,\s*\$)*\)/g, "IN ($…)")
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The request pools' statements that touch a table whose rows belong to a studio without filtering
 * on (or, for an insert, writing) studioId, by shape, with how often each ran.
 */
export function unscopedStatements(
  statements: LoggedStatement[],
  studioTables: ReadonlySet<string>,
): { shape: string; tables: string[]; count: number }[] {
  const byShape = new Map<string, { shape: string; tables: string[]; count: number }>();
  for (const { app, sql: text } of statements) {
    if (!REQUEST_POOLS.test(app) || text.includes('"studioId"')) continue;
    const tables = tablesOf(text).filter((t) => studioTables.has(t));
    if (tables.length === 0) continue;
    const shape = shapeOf(text);
    const seen = byShape.get(shape) ?? { shape, tables, count: 0 };
    seen.count += 1;
    byShape.set(shape, seen);
  }
  return [...byShape.values()].sort((a, b) => b.count - a.count);
}

/** Tables whose every row carries a studioId (NOT NULL), in the database at `url`. */
export async function studioTables(url: string): Promise<Set<string>> {
  const [rows] = await sql(
    url,
    `SELECT table_name AS t FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'studioId' AND is_nullable = 'NO'`,
  );
  return new Set(rows.map((r) => String(r.t)));
}

const servers = (db: TestDatabase) => [
  { adminUrl: db.adminUrls.primary, logFile: db.logFiles.primary },
  ...db.adminUrls.replicas.map((adminUrl, i) => ({ adminUrl, logFile: db.logFiles.replicas[i] })),
];

/**
 * From now on every server logs every statement it runs (without parameter values: no secret
 * reaches the log), for `assertStudioScoped` to read at the end of the run.
 */
export async function logEveryStatement(db: TestDatabase): Promise<void> {
  await Promise.all(
    servers(db).map((s) =>
      alterSystem(
        s.adminUrl,
        { log_statement: "'all'", log_parameter_max_length: "0", log_line_prefix: "'%m [%p] app=%a '" },
        ["log_statement", "all"],
      ),
    ),
  );
}

/**
 * Fails, listing each offending statement once, when a request ran a statement on a studio's table
 * that does not name studioId. `db` must have logged since `logEveryStatement`.
 */
export async function assertStudioScoped(db: TestDatabase): Promise<{ statements: number; onStudioTables: number }> {
  const tables = await studioTables(db.primaryUrl);
  const statements = servers(db)
    .flatMap((s) => parseStatements(readFileSync(s.logFile, "utf8")))
    .filter((s) => REQUEST_POOLS.test(s.app));
  const unscoped = unscopedStatements(statements, tables);
  if (unscoped.length > 0)
    throw new Error(
      `statements of ${unscoped.length} shape(s) on a studio's table do not filter on studioId ` +
        `(of ${statements.length} statements the requests ran):\n` +
        unscoped.map((u) => `  ${u.count}× [${u.tables.join(", ")}] ${u.shape.slice(0, 400)}`).join("\n"),
    );
  return {
    statements: statements.length,
    onStudioTables: statements.filter((s) => tablesOf(s.sql).some((t) => tables.has(t))).length,
  };
}
