import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { buildCalendarFeed } from "@/lib/calendar/ical";
import { FEED_PAST_DAYS, findFeedEvents, findFeedOwner } from "@/lib/calendar/queries";
import { readDb } from "@/lib/db";
import { publicOrigin } from "@/lib/urls";

const feedToken = z.string().regex(/^[A-Za-z0-9_-]{16,128}(\.ics)?$/);

/** The private iCalendar feed: the token in the URL is the only credential, as calendar apps expect. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const parsed = feedToken.safeParse((await params).token);
  if (!parsed.success) return new NextResponse("Not found", { status: 404 });
  const db = await readDb();
  const owner = await findFeedOwner(db, { token: parsed.data.replace(/\.ics$/, "") });
  if (!owner?.studioId || !owner.studio) return new NextResponse("Not found", { status: 404 });
  const events = await findFeedEvents(db, {
    studioId: owner.studioId,
    from: new Date(Date.now() - FEED_PAST_DAYS * 86_400_000),
  });
  const body = buildCalendarFeed({
    studioName: owner.studio.name,
    timeZone: owner.studio.timeZone,
    origin: await publicOrigin(),
    events,
  });
  return new NextResponse(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="shootq.ics"',
      "Cache-Control": "private, max-age=300",
    },
  });
}
