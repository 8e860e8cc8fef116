import { NextResponse } from "next/server";
import { createApiDocument } from "@/lib/api/openapi";

/** Public: the API's description is no secret, and tools fetch it without a token. */
export function GET() {
  return NextResponse.json(createApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
