import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireStudioUser } from "@/lib/auth/guards";
import { selectedBrandId } from "@/lib/brands/filter";
import { readDb } from "@/lib/db";
import { findStudioShell } from "@/lib/studios/queries";

/**
 * What every pipeline page starts from: the signed-in photographer, this request's read
 * client, the studio (time zone, brands) and the brand filter chosen in the header.
 */
export const requirePipelineContext = cache(async () => {
  const user = await requireStudioUser();
  const db = await readDb();
  const studio = await findStudioShell(db, { studioId: user.studioId });
  if (!studio) notFound();
  const brandId = await selectedBrandId(studio.brands);
  return { user, db, studio, brandId };
});
