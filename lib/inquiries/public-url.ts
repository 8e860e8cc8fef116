import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The origin outsiders use to reach this app (proposal links in emails, the calendar feed, the
 * embeddable form): APP_URL when set, else the host this request came in on.
 */
export async function publicOrigin(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}
