import { inject, describe, expect, it } from "vitest";
import { sql } from "../../testing/database.ts";
import { postmasterPid, treeCpuSeconds } from "./server-cpu.ts";

// Half a second of busy work in a backend that ends with its connection before the reading.
const BUSY_HALF_SECOND = `DO $$
DECLARE started timestamptz := clock_timestamp();
BEGIN
  WHILE clock_timestamp() - started < interval '500 milliseconds' LOOP PERFORM 1; END LOOP;
END $$`;

describe("the primary's CPU per write, as the bench reads it", () => {
  it("finds the server's postmaster and counts the CPU a backend of it spends", async () => {
    const { adminUrl } = inject("database");
    const pid = await postmasterPid(adminUrl);
    expect(pid).toBeGreaterThan(1);
    const before = treeCpuSeconds(pid);
    // The work is timed by the wall clock, not by its size, so a fast machine spends as much CPU as
    // a slow one; a busy machine gives the backend less of a core, so rounds go on until enough
    // CPU was spent, at most ten. Counting nothing, or only the live processes, never gets there.
    let spent = 0;
    for (let round = 0; round < 10 && spent < 0.3; round++) {
      await sql(adminUrl, BUSY_HALF_SECOND);
      spent = treeCpuSeconds(pid) - before;
    }
    expect(spent).toBeGreaterThanOrEqual(0.3);
  });

  it("counts nothing for a process that does not exist", () => {
    expect(treeCpuSeconds(2 ** 22 + 1)).toBe(0);
  });
});
