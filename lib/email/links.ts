import { env } from "@/lib/env";

/** An absolute link for an email: emails are read outside the app, so relative paths won't do. */
export function appUrl(path: string): string {
  const base = env().APP_URL ?? "http://localhost:3000";
  return new URL(path, base).toString();
}
