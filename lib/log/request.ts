import { logger, type Logger } from "./index";

// A request's id comes from nginx (which keeps a well-formed X-Request-Id or makes one) or, on a
// node reached directly, from proxy.ts; the proxy hands it to the render and to actions and route
// handlers as a request header. A W3C traceparent passes through unchanged; its trace id is logged.
// Without one, Next.js's request span (lib/tracing) sets the traceparent of the trace it started.

export const REQUEST_ID_HEADER = "x-request-id";
export const TRACEPARENT_HEADER = "traceparent";

// Bounded and plain, so a client cannot put a line break, a secret-sized blob or markup in our logs.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The id a client or nginx sent when it is well-formed, else a fresh one. */
export function acceptRequestId(sent: string | null | undefined): string {
  return sent && REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
}

/** The trace id of a valid traceparent (version ff and all-zero ids are invalid), else null. */
export function traceIdOf(traceparent: string | null | undefined): string | null {
  const m = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!m || m[1] === "ff" || /^0+$/.test(m[2]) || /^0+$/.test(m[3])) return null;
  return m[2];
}

type HeaderSource = { get(name: string): string | null };

/** The fields every log line about this request carries. */
export function requestFields(headers: HeaderSource): { requestId?: string; traceId?: string } {
  const requestId = headers.get(REQUEST_ID_HEADER);
  const traceId = traceIdOf(headers.get(TRACEPARENT_HEADER));
  return { ...(requestId ? { requestId } : {}), ...(traceId ? { traceId } : {}) };
}

/** A child logger with the request's ids, from the headers proxy.ts set. */
export function requestLogger(headers: HeaderSource): Logger {
  return logger().child(requestFields(headers));
}

/**
 * The current request's logger in a server component, action or route handler; the process's
 * logger outside a request (the worker, scripts, tests), where next/headers has no request.
 */
export async function currentRequestLogger(): Promise<Logger> {
  try {
    // Loaded here, not at the top: the worker builds on modules that log, outside Next.js.
    const { headers } = await import("next/headers");
    return requestLogger(await headers());
  } catch {
    // No request here (the worker, a script, a test): the process's own logger.
    return logger();
  }
}
