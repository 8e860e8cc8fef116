import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import type pg from "pg";
import type { Db } from "../../lib/db.ts";
import { PrismaClient } from "../../prisma/generated/prisma/client.ts";

// What the query-plan tests share: a client shaped like the app's read client that records every
// statement it sends, and EXPLAIN ANALYZE of those statements with their plans flattened.

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
  "Actual Total Time"?: number;
  /** Rows the node returned per loop (EXPLAIN ANALYZE), and how many times it ran. */
  "Actual Rows"?: number;
  "Actual Loops"?: number;
};

export type Plan = { query: string; nodes: PlanNode[]; ms: number };

export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** A client behind the read-replica extension (its replica is itself) whose statements land in `captured`. */
export function createCapturingDb(url: string) {
  const captured: { query: string; params: string }[] = [];
  const base = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  const events = base as unknown as {
    $on(event: "query", listener: (e: { query: string; params: string }) => void): void;
  };
  events.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  const db = base.$extends(readReplicas({ replicas: [base] })) as unknown as Db;
  return { base, db, captured };
}

/** Runs `work`, then EXPLAIN ANALYZEs every SELECT it sent through the capturing client. */
export async function explainWork(
  sql: pg.Client,
  captured: { query: string; params: string }[],
  work: () => Promise<unknown>,
): Promise<Plan[]> {
  captured.length = 0;
  await work();
  const plans: Plan[] = [];
  for (const { query, params } of captured) {
    if (!/^\s*SELECT/i.test(query)) continue;
    const values = JSON.parse(params) as unknown[];
    const { rows } = await sql.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`, values);
    const root = rows[0]["QUERY PLAN"][0] as { Plan: PlanNode; "Execution Time": number };
    plans.push({ query, nodes: planNodes(root.Plan), ms: root["Execution Time"] });
  }
  return plans;
}
