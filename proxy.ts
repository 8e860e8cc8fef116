import { NextResponse, type NextRequest } from "next/server";
import { refuseUnreadablePost } from "@/lib/action-request";
import { logger } from "@/lib/log";
import { REQUEST_ID_HEADER, TRACEPARENT_HEADER, acceptRequestId, traceIdOf } from "@/lib/log/request";
import { metrics } from "@/lib/metrics/registry";
import { READ_AFTER_HEADER, readAfterPin } from "@/lib/api/read-after";
import { isReplayedEverywhere, replicaMonitor } from "@/lib/replication/monitor";
import { MAX_PINS, encodePin, foldPins, newPinName, readPinCookies } from "@/lib/replication/pins";
import { READ_HOST_HEADER, READS_RESPONSE_HEADER, formatReadHost } from "@/lib/replication/read-host";
import { decideReadHost, type ReadDecision } from "@/lib/replication/routing";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security-headers";
import { inSpan } from "@/lib/tracing/span";
import { LEGACY_APP_COOKIE, cookieOptions, isSecureCookies, signingSecrets } from "@/lib/session";

// Runs before every page, action and route handler: picks the one database host the request
// reads from, tells the render through a request header, and logs one line per request.
export async function proxy(request: NextRequest) {
  const started = Date.now();
  // nginx has already checked or made the id; a node reached directly checks it here.
  const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
  const log = logger().child({ requestId, ...withTraceId(request.headers.get(TRACEPARENT_HEADER)) });
  const { pathname } = request.nextUrl;
  const csp = contentSecurityPolicy({ nonce: newNonce(), isDevelopment: process.env.NODE_ENV === "development" });
  const security = securityHeaders({ csp, isSecure: isSecureCookies() });
  const refusal = await refuseUnreadablePost(request);
  if (refusal) {
    log.info({ method: request.method, path: pathname, refused: refusal.status }, "request");
    return NextResponse.json(
      { error: refusal.error },
      { status: refusal.status, headers: { ...security, [REQUEST_ID_HEADER]: requestId } },
    );
  }
  const secrets = signingSecrets();
  const pins = readPinCookies(request.cookies.getAll(), secrets);
  // An API client's X-ShootQ-Read-After stands for a pin on every page (lib/api/read-after.ts).
  const carried = readAfterPin(pathname, request.headers.get(READ_AFTER_HEADER));
  const decision = await inSpan("choose read host", {}, async (span) => {
    const chosen = await decideReadHost(replicaMonitor(), {
      method: request.method,
      pathname,
      pins: carried ? [...pins.live, carried] : pins.live,
    });
    span.setAttributes({ "shootq.read_host": formatReadHost(chosen.host), "shootq.read_reason": chosen.reason });
    return chosen;
  });
  const host = formatReadHost(decision.host);
  metrics().readHostDecisions.inc({ host: decision.host.kind, reason: decision.reason });

  const headers = new Headers(request.headers);
  headers.set(READ_HOST_HEADER, host); // overwrites anything a client sent
  headers.set(REQUEST_ID_HEADER, requestId); // what actions and route handlers log with
  if (!traceIdOf(request.headers.get(TRACEPARENT_HEADER))) headers.delete(TRACEPARENT_HEADER);
  // Next.js reads the nonce for its own scripts from the policy on the request.
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  response.headers.set(READS_RESPONSE_HEADER, host);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("x-shootq-node", process.env.SHOOTQ_NODE_NAME ?? "node");
  tidyCookies(request, response, pins, decision, secrets[0]);

  // The path is masked by the logger: a client page's path carries its link token.
  log.info(
    { method: request.method, path: pathname, reads: host, why: decision.reason, routingMs: Date.now() - started },
    "request",
  );
  return response;
}

function withTraceId(traceparent: string | null): { traceId?: string } {
  const traceId = traceIdOf(traceparent);
  return traceId ? { traceId } : {};
}

/**
 * Keeps the pin cookies few and small. Deleting a pin is safe from any response: pin names are
 * unique, so no concurrent response re-sets one. Deleted: forged, garbled or expired pins, pins
 * every replica has replayed, and the previous releases' single app cookie. On a page request
 * carrying more than MAX_PINS pins (several tabs writing at once), they become one.
 */
function tidyCookies(
  request: NextRequest,
  response: NextResponse,
  pins: ReturnType<typeof readPinCookies>,
  decision: ReadDecision,
  secret: string,
) {
  const { health } = decision;
  const replayed = health ? pins.live.filter((p) => isReplayedEverywhere(health, p.lsn)).map((p) => p.name) : [];
  let remaining = pins.live.filter((p) => !replayed.includes(p.name));
  const drop = [...pins.dead, ...replayed];
  if (request.cookies.has(LEGACY_APP_COOKIE)) drop.push(LEGACY_APP_COOKIE);
  if (request.method === "GET" && remaining.length > MAX_PINS) {
    const folded = foldPins(remaining);
    drop.push(...remaining.map((p) => p.name));
    remaining = [];
    response.cookies.set(
      newPinName(),
      encodePin(folded, secret),
      cookieOptions(Math.max(1, folded.exp - Math.floor(Date.now() / 1000))),
    );
  }
  for (const name of drop) response.cookies.delete(name);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|static/).*)"],
};
