import type { TestDatabase } from "../../scripts/testing/database";
import { assertStudioScoped, type Exemption } from "../../scripts/testing/studio-scope";

/** A statement on one table, no join and no LIMIT, whose rows are picked by a key column (`IN (…)` or `= $n`). */
const byKeyOfOneTable = (sql: string) => {
  const from = /^SELECT [\s\S]* FROM "public"\."(\w+)" WHERE ([\s\S]*) OFFSET \$\d+$/.exec(sql);
  if (!from || / JOIN | LIMIT \$/.test(sql)) return false;
  const column = new RegExp(`"public"\\."${from[1]}"\\."\\w+" (?:IN \\((?:\\$\\d+(?:,\\$\\d+)*|NULL)\\)|= \\$\\d+)`);
  return column.test(from[2]);
};

/** Statements on a studio's table that rightly name no studioId, each with why (docs/scaling.md, section 7). */
export const EXEMPTIONS: Exemption[] = [
  {
    why:
      "Prisma's relation loads: the rows of an `include` or a relation `select`, read by the keys of " +
      'rows that a studio-filtered statement just returned (`WHERE "Brand"."id" IN (…)`). Once a ' +
      "relation's key names (studioId, id), as the children's keys do, its loads name studioId too.",
    matches: (sql) => byKeyOfOneTable(sql),
  },
  {
    why:
      "Prisma reading back, by its new id, a row its transaction has just inserted with nested rows " +
      "(a `create` with children and a `select`): the insert wrote the row's studioId.",
    matches: (sql, inserted) => {
      const m =
        /^SELECT [\s\S]* FROM "public"\."(\w+)" WHERE "public"\."\1"\."id" = \$\d+ LIMIT \$\d+ OFFSET \$\d+$/.exec(sql);
      return Boolean(m && inserted.has(m[1]));
    },
  },
];

/** The run's studio-scope check as an error to report after everything has stopped, or none. */
export async function studioScopeProblem(db: TestDatabase): Promise<Error | undefined> {
  try {
    const checked = await assertStudioScoped(db, EXEMPTIONS);
    console.log(
      `[e2e] studio scope: every one of the requests' ${checked.onStudioTables} statements on a studio's table ` +
        `(of ${checked.statements}) names studioId, or is a relation load or read-back`,
    );
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
