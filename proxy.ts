import { NextResponse, type NextRequest } from "next/server";
import { refuseUnreadablePost } from "@/lib/action-request";
import { READ_HOST_HEADER, READS_RESPONSE_HEADER, formatReadHost } from "@/lib/replication/read-host";
import { decideReadHost } from "@/lib/replication/routing";
import { replicaMonitor } from "@/lib/replication/monitor";
import { APP_COOKIE, openSessionCookie } from "@/lib/session";

// Runs before every page, action and route handler: picks the one database host the request
// reads from, tells the render through a request header, and logs one line per request.
export async function proxy(request: NextRequest) {
  const started = Date.now();
  const requestId = crypto.randomUUID();
  const { pathname } = request.nextUrl;
  const refusal = await refuseUnreadablePost(request);
  if (refusal) {
    console.log(JSON.stringify({ msg: "request", requestId, method: request.method, path: pathname, refused: refusal.status }));
    return NextResponse.json({ error: refusal.error }, { status: refusal.status });
  }
  const session = await openSessionCookie(request.cookies.get(APP_COOKIE)?.value);
  const decision = await decideReadHost(replicaMonitor(), { method: request.method, pathname, pins: session.pins ?? [] });
  const host = formatReadHost(decision.host);

  const headers = new Headers(request.headers);
  headers.set(READ_HOST_HEADER, host); // overwrites anything a client sent
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(READS_RESPONSE_HEADER, host);
  response.headers.set("x-request-id", requestId);
  response.headers.set("x-shootq-node", process.env.SHOOTQ_NODE_NAME ?? "node");

  console.log(
    JSON.stringify({
      msg: "request",
      requestId,
      node: process.env.SHOOTQ_NODE_NAME ?? "node",
      method: request.method,
      path: pathname,
      reads: host,
      why: decision.reason,
      routingMs: Date.now() - started,
    }),
  );
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|static/).*)"],
};
