"use server";

import { defineAction } from "@/lib/actions";
import { chooseBrandFilter } from "@/lib/brands/filter";
import { chooseBrandSchema } from "@/lib/brands/schemas";
import { getAppSession } from "@/lib/session";

export const chooseBrandAction = defineAction({
  access: "studio",
  schema: chooseBrandSchema,
  async run({ tx, input, user }) {
    await chooseBrandFilter(tx, { studioId: user.studioId, brandId: input.brandId });
    return { revalidate: [], redirectTo: input.returnTo };
  },
});

/** Forgets the flash message once the page has shown it. */
export async function clearFlashAction(): Promise<void> {
  const session = await getAppSession();
  if (!session.flash) return;
  session.flash = undefined;
  await session.save();
}
