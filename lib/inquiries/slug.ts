import { z } from "zod";

/** A studio's public slug as it appears in /inquire/<slug> and /api/inquiries/<slug>. */
export const studioSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "That studio was not found.");
