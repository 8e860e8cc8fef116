import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** Whether the request carries the operator token (Authorization: Bearer <OPERATOR_TOKEN>). */
export function isOperator(request: Request): boolean {
  const expected = env().OPERATOR_TOKEN;
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!expected || !given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
