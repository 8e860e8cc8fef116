import type { TestDatabase } from "../../scripts/testing/database";
import { assertStudioScoped } from "../../scripts/testing/studio-scope";

/**
 * The run's studio-scope check as an error to report after everything has stopped, or none. No
 * statement is exempt (docs/scaling.md, section 7): Prisma's relation loads name studioId because
 * every key between studio tables is (studioId, id), and no request writes a studio's rows with a
 * nested create, after which Prisma reads the parent back by its id alone.
 */
export async function studioScopeProblem(db: TestDatabase): Promise<Error | undefined> {
  try {
    const checked = await assertStudioScoped(db);
    console.log(
      `[e2e] studio scope: every one of the requests' ${checked.onStudioTables} statements on a studio's table ` +
        `(of ${checked.statements}) names studioId`,
    );
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
