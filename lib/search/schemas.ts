import { z } from "zod";
import { searchText } from "@/lib/search-params";

/** Trigram indexes need three letters; fewer would read every row of the studio. */
export const MIN_SEARCH_LENGTH = 3;

/** The search box's text from a URL; anything odd reads as "no search yet". */
export const searchParams = z.object({
  q: searchText.catch(undefined).transform((v) => v ?? ""),
});

export const SEARCH_KINDS = { client: "Clients", lead: "Leads", job: "Jobs", event: "Events" } as const;
export type SearchKind = keyof typeof SEARCH_KINDS;
