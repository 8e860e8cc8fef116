import http from "node:http";
import { closedBeforeAnswer, NEW_CONNECTION, noteAnswered } from "../../testing/kept-alive.ts";

// Steady, bounded traffic on loopback for the drills: `concurrency` loops, each sending the next
// request of the list and judging the answer. Like a browser, a GET that meets a kept-alive
// connection the server closed before answering is sent once more, on a new connection
// (scripts/testing/kept-alive.ts); a POST is not, and counts as failed.

export type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; ms: number };

export type TrafficRequest = {
  label: string;
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Called for every send, so each request can carry something unique. */
  body?: (n: number) => string;
  /** A failure reason for this answer, or null when it is what the drill expects. */
  judge: (answer: Answer, n: number) => string | null;
  /** Runs after each answer that judged fine (a drill records acknowledged writes here). */
  onAnswer?: (answer: Answer, n: number) => void;
};

export type TrafficResult = {
  sent: number;
  failed: number;
  /** The first failures, with when they happened (seconds into the drill). */
  failures: string[];
  resent: number;
  byLabel: Record<string, { sent: number; failed: number; statuses: Record<string, number> }>;
  /** x-shootq-reads of the answers: where each request's reads went. */
  reads: Record<string, number>;
  nodes: Record<string, number>;
};

function send(
  agent: http.Agent,
  base: URL,
  req: TrafficRequest,
  n: number,
  retried = false,
): Promise<Answer & { resent: boolean }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const body = req.body?.(n);
    const r = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: req.path,
        method: req.method ?? "GET",
        headers: {
          ...req.headers,
          ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}),
        },
        timeout: 20_000,
      },
      (res) => {
        noteAnswered(res);
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
            resent: retried,
          }),
        );
        res.on("error", reject);
      },
    );
    r.on("timeout", () => r.destroy(new Error("timed out after 20 s")));
    r.on("error", (e: NodeJS.ErrnoException) => {
      if (closedBeforeAnswer(r, e) && !retried && (req.method ?? "GET") === "GET")
        send(NEW_CONNECTION, base, req, n, true).then(resolve, reject);
      else reject(e);
    });
    r.end(body);
  });
}

export type Traffic = { result: TrafficResult; stop(): Promise<TrafficResult> };

/** Starts `concurrency` request loops against `baseUrl`; `stop()` waits for the requests in flight. */
export function startTraffic(opts: {
  baseUrl: string;
  requests: TrafficRequest[];
  concurrency: number;
  maxRequests?: number;
  pauseMs?: number;
}): Traffic {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const base = new URL(opts.baseUrl);
  const started = Date.now();
  const result: TrafficResult = { sent: 0, failed: 0, failures: [], resent: 0, byLabel: {}, reads: {}, nodes: {} };
  const limit = opts.maxRequests ?? 50_000;
  let running = true;
  let next = 0;
  const fail = (label: string, n: number, why: string) => {
    result.failed++;
    result.byLabel[label].failed++;
    if (result.failures.length < 25)
      result.failures.push(`${((Date.now() - started) / 1000).toFixed(1)} s ${label} #${n}: ${why}`);
  };

  async function loop() {
    while (running && result.sent < limit) {
      const n = next++;
      const req = opts.requests[n % opts.requests.length];
      const stats = (result.byLabel[req.label] ??= { sent: 0, failed: 0, statuses: {} });
      result.sent++;
      stats.sent++;
      try {
        const answer = await send(agent, base, req, n);
        if (answer.resent) result.resent++;
        stats.statuses[answer.status] = (stats.statuses[answer.status] ?? 0) + 1;
        const reads = String(answer.headers["x-shootq-reads"] ?? "none");
        result.reads[reads] = (result.reads[reads] ?? 0) + 1;
        const node = String(answer.headers["x-shootq-node"] ?? "none");
        result.nodes[node] = (result.nodes[node] ?? 0) + 1;
        const why = req.judge(answer, n);
        if (why) fail(req.label, n, why);
        else req.onAnswer?.(answer, n);
      } catch (e) {
        stats.statuses.error = (stats.statuses.error ?? 0) + 1;
        fail(req.label, n, `${(e as NodeJS.ErrnoException).code ?? ""} ${(e as Error).message}`.trim());
      }
      if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
  }

  const loops = Array.from({ length: opts.concurrency }, () => loop());
  return {
    result,
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return result;
    },
  };
}

/** The usual verdict for a page: 200, or why not. */
export const expectOk = (a: Answer) => (a.status === 200 ? null : `HTTP ${a.status}`);
