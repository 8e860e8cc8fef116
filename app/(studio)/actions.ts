"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { chooseBrandFilter } from "@/lib/brands/filter";
import { chooseBrandSchema } from "@/lib/brands/schemas";
import { clearFlashes } from "@/lib/session";

export const chooseBrandAction = defineAction({
  access: "studio",
  schema: chooseBrandSchema,
  async run({ tx, input, user }) {
    await chooseBrandFilter(tx, { studioId: user.studioId, brandId: input.brandId });
    return { revalidate: [], redirectTo: input.returnTo };
  },
});

const flashIds = z.array(z.string().regex(/^[\w-]{1,16}$/)).max(20);

/** Forgets the flash messages the page has shown (and only those). */
export async function clearFlashAction(ids: string[]): Promise<void> {
  const parsed = flashIds.safeParse(ids);
  if (parsed.success) await clearFlashes(parsed.data);
}
