"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { getAppSession } from "@/lib/session";

export const chooseBrand = defineAction({
  access: "studio",
  schema: z.object({ brandId: z.string().max(64), returnTo: z.string().startsWith("/").max(500).default("/dashboard") }),
  async run({ tx, input, user }) {
    if (input.brandId) {
      const brand = await tx.brand.findFirst({ where: { id: input.brandId, studioId: user.studioId }, select: { id: true } });
      if (!brand) throw new AppError("NOT_FOUND", "That brand was not found.");
    }
    const session = await getAppSession();
    session.brandId = input.brandId || undefined;
    await session.save();
    return { revalidate: [], redirectTo: input.returnTo };
  },
});

/** Forgets the flash message once the page has shown it. */
export async function clearFlash(): Promise<void> {
  const session = await getAppSession();
  if (!session.flash) return;
  session.flash = undefined;
  await session.save();
}
