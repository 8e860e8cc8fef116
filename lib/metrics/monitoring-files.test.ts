import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics } from "./registry";

// docs/monitoring holds what an operator loads into Prometheus and Grafana. Their expressions name
// metrics and labels by hand: each must exist in the registry the processes serve, or a panel is
// empty and an alert never fires, silently.

const DIR = path.join(process.cwd(), "docs", "monitoring");
const read = (file: string) => readFileSync(path.join(DIR, file), "utf8");

/** Every metric the processes export, with its label names (histograms' series add le). */
async function exported(): Promise<Map<string, Set<string>>> {
  const all = new Map<string, Set<string>>();
  // Values for the default metrics' names; label names from the metric objects (a counter with no
  // observations yet has no values to read them from).
  const registries = [metrics().registry, metrics().nodeRegistry];
  const declared = new Map(
    registries
      .flatMap((r) => r.getMetricsAsArray())
      .map((m) => [m.name, (m as unknown as { labelNames?: string[] }).labelNames ?? []]),
  );
  for (const m of (await Promise.all(registries.map((r) => r.getMetricsAsJSON()))).flat()) {
    const labels = new Set<string>(["instance", "job", ...(declared.get(m.name) ?? [])]);
    for (const v of m.values as { labels: Record<string, unknown> }[])
      Object.keys(v.labels).forEach((l) => labels.add(l));
    const histogram = String(m.type) === "histogram";
    if (histogram) labels.add("le");
    for (const name of histogram ? ["_bucket", "_count", "_sum"].map((s) => m.name + s) : [m.name])
      all.set(name, labels);
  }
  return all;
}

/** The PromQL expressions of the alert rules and of the dashboard's panels. */
function expressions(): { where: string; expr: string }[] {
  const rules = [...read("alerts.yml").matchAll(/^\s+- alert: (\S+)\n\s+expr: (.+)$/gm)].map((m) => ({
    where: `alerts.yml ${m[1]}`,
    expr: m[2],
  }));
  const dashboard = JSON.parse(read("grafana-dashboard.json")) as {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  const panels = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ where: `panel "${p.title}"`, expr: t.expr })));
  return [...rules, ...panels];
}

describe("the monitoring files", () => {
  it("name only metrics and labels the processes export", async () => {
    const known = await exported();
    const found = expressions();
    expect(found.length).toBeGreaterThanOrEqual(20);
    for (const { where, expr } of found) {
      const names = [...expr.matchAll(/\b((?:shootq|nodejs|process)_[a-z0-9_]+)(\{[^}]*\})?/g)];
      expect(names.length, where).toBeGreaterThan(0);
      for (const [, name, selector] of names) {
        expect(known.has(name), `${where}: ${name}`).toBe(true);
        for (const [, label] of (selector ?? "").matchAll(/([a-z_]+)\s*(?:=~|!=|!~|=)/g))
          expect(
            known.get(name)!.has(label) || label === "outcome" || label === "status",
            `${where}: ${name}{${label}}`,
          ).toBe(true);
      }
      // Labels grouped by must exist on at least one of the expression's metrics.
      for (const [, list] of expr.matchAll(/by \(([^)]*)\)/g))
        for (const label of list.split(",").map((l) => l.trim()))
          expect(
            names.some(([, name]) => known.get(name)?.has(label)),
            `${where}: by (${label})`,
          ).toBe(true);
    }
  });

  it("scrape every app node on its own, with the operator token, and load the alert rules", () => {
    const config = read("prometheus.yml");
    expect(config).toMatch(/metrics_path: \/api\/metrics/);
    expect(config).toMatch(/type: Bearer/);
    expect(config).toMatch(/rule_files:\n\s+- alerts\.yml/);
  });
});
