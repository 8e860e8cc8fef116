import { NextResponse, type NextRequest } from "next/server";
import { scrapeMetrics } from "@/lib/metrics/scrape";
import { isOperator } from "@/lib/operator";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics of the node that answers, for operators only (Authorization: Bearer
 * <OPERATOR_TOKEN>); anyone else gets a 404 as if it did not exist. Scrape each node on its own
 * port: through nginx a scrape lands on any one node.
 */
export async function GET(request: NextRequest) {
  if (!isOperator(request)) return NextResponse.json({ error: "Not found." }, { status: 404 });
  const { body, contentType } = await scrapeMetrics();
  return new NextResponse(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
