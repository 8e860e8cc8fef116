import http from "node:http";
import { closedBeforeAnswer, NEW_CONNECTION, noteAnswered } from "../../scripts/testing/kept-alive";

// A bounded load on loopback: `concurrency` loops of requests until stopped. A request fails when
// it errors (reset, refused, timeout) or answers 5xx. Like a browser, a request that meets a
// kept-alive connection the server closed before answering any byte is sent once more on a new
// one (scripts/testing/kept-alive.ts): nginx closes idle connections whenever it reloads.

export type LoadRequest = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

export type LoadResult = {
  sent: number;
  failed: number;
  failures: string[];
  /** Requests resent after a kept-alive connection closed under them (no response byte received). */
  resent: number;
  /** Failed requests whose answer had begun (headers received) and was cut off, by the node answering. */
  cutOff: Record<string, number>;
  byNode: Record<string, number>;
};

type Answer = { status: number; node: string };

function send(agent: http.Agent, base: URL, req: LoadRequest, retried = false): Promise<Answer & { resent: boolean }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: req.path,
        method: req.method ?? "GET",
        headers: req.headers,
        timeout: 15_000,
      },
      (res) => {
        noteAnswered(res);
        res.resume();
        // Cut off mid-answer: the headers came, the rest did not (the node died while streaming it).
        const node = String(res.headers["x-shootq-node"] ?? "none");
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            node: String(res.headers["x-shootq-node"] ?? "none"),
            resent: retried,
          }),
        );
        res.on("error", (e) => reject(Object.assign(e, { cutOffFrom: node })));
      },
    );
    r.on("timeout", () => r.destroy(new Error("timed out after 15 s")));
    r.on("error", (e: NodeJS.ErrnoException) => {
      if (closedBeforeAnswer(r, e) && !retried) return void send(NEW_CONNECTION, base, req, true).then(resolve, reject);
      if (retried) e.message += " (sent again on a new connection)";
      reject(e);
    });
    r.end(req.body);
  });
}

export function startLoad(opts: {
  baseUrl: string;
  requests: LoadRequest[];
  concurrency: number;
  maxRequests?: number;
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const base = new URL(opts.baseUrl);
  const result: LoadResult = { sent: 0, failed: 0, failures: [], resent: 0, byNode: {}, cutOff: {} };
  let running = true;
  let next = 0;
  const limit = opts.maxRequests ?? 100_000;

  async function loop() {
    while (running && result.sent < limit) {
      const req = opts.requests[next++ % opts.requests.length];
      result.sent++;
      const label = `${req.method ?? "GET"} ${req.path}`;
      try {
        const answer = await send(agent, base, req);
        if (answer.resent) result.resent++;
        result.byNode[answer.node] = (result.byNode[answer.node] ?? 0) + 1;
        if (answer.status >= 500) {
          result.failed++;
          result.failures.push(`${label}: HTTP ${answer.status} from ${answer.node}`);
        }
      } catch (e) {
        result.failed++;
        const from = (e as { cutOffFrom?: string }).cutOffFrom;
        if (from) result.cutOff[from] = (result.cutOff[from] ?? 0) + 1;
        result.failures.push(
          `${label}: ${(e as NodeJS.ErrnoException).code ?? ""} ${(e as Error).message}${from ? ` (cut off mid-answer from ${from})` : ""}`,
        );
      }
    }
  }

  const loops = Array.from({ length: opts.concurrency }, () => loop());
  return {
    result,
    async stop(): Promise<LoadResult> {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return result;
    },
  };
}
