import { type ReadableSpan, type Span, type SpanProcessor } from "@opentelemetry/sdk-trace";
import { metrics } from "@/lib/metrics/registry";

// Next.js's own span around each request it handles; it carries the matched route and the status.
export const REQUEST_SPAN = "BaseServer.handleRequest";
export const SPAN_TYPE = "next.span_type";
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// How long a router span waits for a render span to start under it before it counts on its own.
const CLAIM_MS = 10_000;

const isRequestSpan = (span: ReadableSpan) => span.attributes[SPAN_TYPE] === REQUEST_SPAN;

function observe(span: ReadableSpan) {
  const a = span.attributes;
  const method = String(a["http.method"] ?? "");
  const [seconds, nanos] = span.duration;
  metrics().requests.observe(
    {
      route: typeof a["next.route"] === "string" ? a["next.route"] : "unmatched",
      method: METHODS.has(method) ? method : "OTHER",
      status: String(a["http.status_code"] ?? "unknown"),
    },
    seconds + nanos / 1e9,
  );
}

/**
 * Times every request from Next.js's request span into `shootq_request_duration_seconds`, by
 * route pattern ("/leads/[id]", never the URL), method and status: labels from short fixed lists.
 *
 * `next start` handles a request in two request spans: the router's, which knows no route and
 * ends as soon as it has handed the request on, and then, under it, the render's, which knows the
 * route and the status and ends when the response does. The render's span is counted; a router
 * span no render span starts under within {@link CLAIM_MS} (a request answered by the router
 * alone) is counted on its own, as "unmatched". Each request counts once.
 */
export class RequestMetricsProcessor implements SpanProcessor {
  // Request spans by span id: not ended yet; router spans ended without a route and not yet
  // claimed (with the timer that counts them alone); router spans claimed while still open; and
  // the render spans, each counted when it ends.
  private readonly open = new Set<string>();
  private readonly unclaimed = new Map<string, NodeJS.Timeout>();
  private readonly claimed = new Set<string>();
  private readonly renders = new Set<string>();

  onStart(span: Span): void {
    if (!isRequestSpan(span)) return;
    const id = span.spanContext().spanId;
    const parent = span.parentSpanContext?.spanId;
    const timer = parent ? this.unclaimed.get(parent) : undefined;
    if (timer) {
      clearTimeout(timer);
      this.unclaimed.delete(parent!);
      this.renders.add(id);
    } else if (parent && this.open.has(parent)) {
      this.claimed.add(parent);
      this.renders.add(id);
    }
    this.open.add(id);
  }

  onEnd(span: ReadableSpan): void {
    if (!isRequestSpan(span)) return;
    const id = span.spanContext().spanId;
    this.open.delete(id);
    if (this.renders.delete(id) || span.attributes["next.route"] !== undefined) {
      observe(span);
      return;
    }
    if (this.claimed.delete(id)) return;
    const timer = setTimeout(() => {
      this.unclaimed.delete(id);
      observe(span);
    }, CLAIM_MS);
    timer.unref();
    this.unclaimed.set(id, timer);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    for (const timer of this.unclaimed.values()) clearTimeout(timer);
    this.unclaimed.clear();
    return Promise.resolve();
  }
}
