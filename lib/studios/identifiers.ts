import { randomBytes } from "node:crypto";

/** A studio's public slug (its inquiry page URL): readable, with a suffix so names may repeat. */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "studio"}-${randomBytes(3).toString("hex")}`;
}

/** The secret in a user's private calendar feed URL. */
export const newCalendarToken = () => randomBytes(24).toString("base64url");
