import type { DrillResult } from "./context.ts";

export type DrillsReport = {
  command: string;
  startedAt: string;
  finishedAt: string;
  options: { phaseMs: number; emails: number; invoices?: number };
  drills: DrillResult[];
};

const escape = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, "<br>");

/** The drills as Markdown: one summary row per drill, then each drill's checks. */
export function renderDrillsMarkdown(r: DrillsReport): string {
  const status = (d: DrillResult) => (d.ran ? (d.passed ? "passed" : "**FAILED**") : "not run");
  const lines = [
    `### Failure drills: ${r.startedAt.slice(0, 10)}, \`${r.command}\``,
    "",
    "| Drill | Result | Requests sent | Failed | Data lost | Time |",
    "|---|---|--:|--:|--:|--:|",
    ...r.drills.map(
      (d) => `| (${d.id}) ${d.name} | ${status(d)} | ${d.sent} | ${d.failed} | ${d.dataLost} | ${d.seconds} s |`,
    ),
    "",
  ];
  for (const d of r.drills) {
    lines.push(`#### (${d.id}) ${d.name}: ${status(d)}`, "");
    if (!d.ran) lines.push(`Not run: ${String(d.details.reason ?? "")}`, "");
    for (const c of d.checks)
      lines.push(
        `- ${c.ok ? "✓" : "✗"} ${c.what}${c.detail ? `: ${escape(c.detail.length > 600 ? `${c.detail.slice(0, 600)}…` : c.detail)}` : ""}`,
      );
    if (d.failures.length)
      lines.push("", "First failures:", "", ...d.failures.slice(0, 15).map((f) => `- ${escape(f.slice(0, 300))}`));
    lines.push("");
  }
  return lines.join("\n");
}
