import type { TestDatabase } from "../../scripts/testing/database";
import { assertStudioScoped, type Exemption } from "../../scripts/testing/studio-scope";

/**
 * Statements on a studio's table that rightly name no studioId, each with why (docs/scaling.md,
 * section 7). Prisma's relation loads name it since every key between studio tables became
 * (studioId, id): they need no exemption.
 */
export const EXEMPTIONS: Exemption[] = [
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
        `(of ${checked.statements}) names studioId, or is a read-back of a row it just inserted`,
    );
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
