import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { keepServiceOutput } from "../../scripts/lib/processes";
import { assertNoSecretsInLogs } from "../../scripts/testing/log-secrets";

/**
 * Keeps every process's output of this run (app nodes, worker, billing, nginx, mail sink) under
 * `<outputDir>/logs/`, which Playwright empties before the global setup, and returns the check
 * the teardown runs once they have all stopped.
 */
export function keepRunLogs(config: FullConfig): { dir: string; keepNginxLogs(prefix: string): void; check(): void } {
  const dir = path.join(config.projects[0]?.outputDir ?? path.join(config.rootDir, "..", "test-results"), "logs");
  keepServiceOutput(dir);
  return {
    dir,
    keepNginxLogs(prefix) {
      const nginxLogs = path.join(prefix, "logs");
      if (existsSync(nginxLogs)) cpSync(nginxLogs, path.join(dir, "nginx"), { recursive: true });
    },
    check: () => assertNoSecretsInLogs(dir),
  };
}
