import { type NextRequest } from "next/server";
import { BodyTooLargeError, readBodyCapped } from "@/lib/request-body";

/** The limit for a server action's body: 1 MB, like Next.js' own default. */
const MAX_ACTION_BYTES = 1024 * 1024;
/**
 * The one page whose form carries a file: a CSV import of up to 10 MB (lib/imports/csv.ts) and
 * the form around it. next.config.ts raises Next.js' own limit to this; every other page keeps 1 MB.
 */
const UPLOAD_PAGES: Record<string, number> = { "/imports": 12 * 1024 * 1024 };

export type Refusal = { status: number; error: string };

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Refuses, before Next.js decodes them, the POSTs it would answer with a 500: server actions
 * from another site, too large, or unreadable (browsers send multipart/form-data or text/plain
 * JSON), and next-auth posts that are not forms.
 */
export async function refuseUnreadablePost(request: NextRequest): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  if (request.nextUrl.pathname.startsWith("/api/auth/")) {
    return type.startsWith("application/x-www-form-urlencoded")
      ? null
      : { status: 400, error: "Send the sign-in form as a form." };
  }
  if (!request.headers.has("next-action")) return null;

  // A form from another site, and one from an opaque origin ("null": a sandboxed frame, a
  // data: URL, a file), is refused; a same-site browser always names our origin.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) return { status: 403, error: "Forms can only be sent from ShootQ's own pages." };
  }
  const maxBytes = UPLOAD_PAGES[request.nextUrl.pathname] ?? MAX_ACTION_BYTES;
  const tooLarge = {
    status: 413,
    error: `That form is too large: ShootQ takes forms of up to ${maxBytes / 1024 / 1024} MB.`,
  };
  const unreadable = { status: 400, error: "That request could not be read. Please reload the page and try again." };
  // Browsers always send a form's length. A chunked post (no length) never reaches the action:
  // it is read here, capped (the action would get an emptied body), to tell an oversized one
  // (413) from one that merely left its length out (411).
  if (!request.headers.has("content-length")) {
    try {
      await readBodyCapped(request, maxBytes);
    } catch (error) {
      return error instanceof BodyTooLargeError ? tooLarge : unreadable;
    }
    return { status: 411, error: "That form was sent without its length. Please reload the page and try again." };
  }
  let body: Uint8Array;
  try {
    // Read from a copy (the action reads the original), capped as it arrives.
    body = await readBodyCapped(request.clone(), maxBytes);
  } catch (error) {
    return error instanceof BodyTooLargeError ? tooLarge : unreadable;
  }
  try {
    if (type.startsWith("multipart/form-data")) {
      if (!/boundary=/.test(type)) return unreadable;
      const args = (await new Response(body as BodyInit, { headers: { "content-type": type } }).formData()).get("0");
      return typeof args === "string" && !isJson(args) ? unreadable : null;
    }
    if (type.startsWith("text/plain")) return isJson(new TextDecoder().decode(body)) ? null : unreadable;
    return type.startsWith("application/x-www-form-urlencoded") ? null : unreadable;
  } catch {
    return unreadable;
  }
}
