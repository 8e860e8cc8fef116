import { inject, describe, expect, it } from "vitest";
import { sql } from "./stack.ts";
import { postmasterPid, treeCpuSeconds } from "./server-cpu.ts";

describe("the primary's CPU per write, as the bench reads it", () => {
  it("finds the server's postmaster and counts the CPU a backend of it spends", async () => {
    const { adminUrl } = inject("database");
    const pid = await postmasterPid(adminUrl);
    expect(pid).toBeGreaterThan(1);
    const before = treeCpuSeconds(pid);
    // About a second of work in a backend that ends with its connection before the second reading.
    await sql(adminUrl, "SELECT count(*) FROM generate_series(1, 8000000) AS g WHERE g % 7 = 3");
    const spent = treeCpuSeconds(pid) - before;
    expect(spent).toBeGreaterThan(0.2);
  });

  it("counts nothing for a process that does not exist", () => {
    expect(treeCpuSeconds(2 ** 22 + 1)).toBe(0);
  });
});
