import { type NextRequest } from "next/server";

/**
 * Whether a server-action POST is unreadable before Next.js tries to decode it (Next answers
 * such bodies with a 500). Browsers send multipart/form-data or text/plain JSON; anything else,
 * a multipart body without a boundary, or an argument list that is not JSON is refused here.
 */
export async function isMalformedActionRequest(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  const isJson = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  try {
    if (type.startsWith("multipart/form-data")) {
      if (!/boundary=/.test(type)) return true;
      const args = (await request.clone().formData()).get("0");
      return typeof args === "string" && !isJson(args);
    }
    if (type.startsWith("text/plain")) return !isJson(await request.clone().text());
    return !type.startsWith("application/x-www-form-urlencoded");
  } catch {
    return true;
  }
}
