/** No database, no session: the ceiling any page's throughput is measured against. */
export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
