import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/guards";
import { readDb } from "@/lib/db";
import { searchStudio } from "@/lib/search/queries";
import { searchParams } from "@/lib/search/schemas";

/** The header search box's suggestions, for the signed-in studio only (the /search page is the same without JavaScript). */
export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user?.studioId || user.role === "ADMIN") return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const { q } = searchParams.parse({ q: request.nextUrl.searchParams.get("q") ?? undefined });
  // Sent on every pause in typing: the searches and the studio's time zone go out at once.
  const groups = await searchStudio(await readDb(), { studioId: user.studioId, q });
  return NextResponse.json({ q, groups }, { headers: { "Cache-Control": "private, no-store" } });
}
