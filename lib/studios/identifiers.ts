import { randomBytes } from "node:crypto";
import { newRowWithLink } from "../tokens";

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

/** A new user's id and the hash of their private calendar feed token, derived from that id. */
export function newUserIdentity(): { id: string; calendarTokenHash: string } {
  const { id, tokenHash } = newRowWithLink("calendar");
  return { id, calendarTokenHash: tokenHash };
}
