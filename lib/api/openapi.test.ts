import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { createApiDocument } from "@/lib/api/openapi";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";

const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every route handler under app/api/v1 as "GET /api/v1/leads/{id}", read from the files themselves. */
function routeOperations(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url = `/api/v1/${path.relative(V1, dir)}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "");
        const source = readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(
          /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        ))
          found.push(`${method} ${url}`);
      }
    }
  };
  walk(V1);
  return found.sort();
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = JSON.parse(JSON.stringify(createApiDocument()));
    const result = await validate(document);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe("OpenAPI");
    expect(document.openapi).toBe("3.1.0");
  });

  it("describes every route handler under app/api/v1 (the document itself is not an operation of it)", () => {
    const paths = createApiDocument().paths ?? {};
    const documented = Object.entries(paths).flatMap(([p, item]) =>
      Object.keys(item as object)
        .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const routes = routeOperations().filter((op) => op !== "GET /api/v1/openapi.json");
    expect(routes.length).toBeGreaterThanOrEqual(7);
    expect(
      routes.filter((op) => !documented.includes(op)),
      "routes missing from lib/api/openapi.ts",
    ).toEqual([]);
    expect(
      documented.filter((op) => !routes.includes(op)),
      "documented operations without a route",
    ).toEqual([]);
  });

  it("describes every webhook event type, with the Standard Webhooks headers", () => {
    const webhooks = createApiDocument().webhooks ?? {};
    expect(Object.keys(webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const item of Object.values(webhooks)) {
      const names = ((item as { post: { parameters: { name: string }[] } }).post.parameters ?? []).map((p) => p.name);
      expect(names).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    }
  });
});
