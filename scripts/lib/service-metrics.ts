import { logger } from "../../lib/log/index.ts";
import { serveMetrics } from "../../lib/metrics/serve.ts";
import { HarnessError } from "./harness.ts";
import { track } from "./lifecycle.ts";

/**
 * Serves a background service's metrics on http://127.0.0.1:<port>/metrics when `variable` names
 * a port (WORKER_METRICS_PORT, BILLING_METRICS_PORT); off when it is unset.
 */
export async function serveServiceMetrics(service: string, variable: string): Promise<void> {
  const raw = process.env[variable];
  if (!raw) return;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new HarnessError(`${variable} must be a port number from 1 to 65535, not "${raw}".`);
  const server = await serveMetrics(port).catch((error: Error) => {
    throw new HarnessError(`${variable}: cannot listen on 127.0.0.1:${port} (${error.message}).`);
  });
  track(
    `${service} metrics`,
    () => new Promise<void>((resolve) => server.close(() => resolve())),
    () => server.closeAllConnections(),
  );
  logger().info({ url: `http://127.0.0.1:${port}/metrics` }, "metrics served");
}
