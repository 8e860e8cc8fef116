import { expect } from "vitest";
import { type Plan } from "./query-plans.ts";

// Apart from query-plans.ts, which the bench loads outside Vitest.

// A bitmap heap scan reads only the rows its bitmap index scans found.
const INDEXED_READS = ["Index Scan", "Index Only Scan", "Bitmap Heap Scan"];

/**
 * Fails unless every plan reads `tables` without a sequential scan (which reads every studio's
 * rows) and each of `mustUse` is read through an index somewhere. Returns the worst statement's ms.
 */
export function expectIndexedReads(
  label: string,
  plans: Plan[],
  { tables, mustUse }: { tables: string[]; mustUse: string[] },
) {
  expect(plans.length, `${label}: no statements captured`).toBeGreaterThan(0);
  for (const plan of plans) {
    const scans = plan.nodes.filter((n) => n["Node Type"] === "Seq Scan" && tables.includes(n["Relation Name"] ?? ""));
    expect(
      scans.map((n) => n["Relation Name"]),
      `${label}: sequential scan in\n${plan.query}`,
    ).toEqual([]);
  }
  const indexed = new Set(
    plans.flatMap((p) =>
      p.nodes
        .filter((n) => INDEXED_READS.includes(n["Node Type"]) && n["Relation Name"])
        .map((n) => n["Relation Name"]!),
    ),
  );
  for (const table of mustUse) expect([...indexed], `${label}: ${table} not read through an index`).toContain(table);
  return Math.max(...plans.map((p) => p.ms));
}
