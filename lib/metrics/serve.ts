import http from "node:http";
import { metrics } from "./registry";

/**
 * A background service's metrics (the worker's, the billing service's) on a loopback port, for a
 * Prometheus on the same machine: nothing outside the machine reaches it, so it needs no token.
 */
export async function serveMetrics(port: number, host = "127.0.0.1"): Promise<http.Server> {
  const { registry } = metrics();
  const server = http.createServer(async (request, response) => {
    if (request.method !== "GET" || request.url !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found: the metrics are at /metrics.\n");
      return;
    }
    const body = await registry.metrics();
    response.writeHead(200, { "content-type": registry.contentType }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
