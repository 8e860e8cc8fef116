import { imageSize } from "image-size";
import { requireBrand } from "@/lib/brands/mutations";
import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { modelsOf, type Reader } from "@/lib/reader";

// A brand's logo: uploaded in Settings → Studio, kept in the database (every node and the
// worker read the same bytes), and sent inside each email the brand sends as an inline image
// (Content-ID), so it shows without the mail client fetching anything from ShootQ.

/** The formats every mail client shows; SVG is refused (it can carry scripts and most clients drop it). */
const LOGO_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg" };
/** Past this a file is a photo, not a logo. */
export const MAX_LOGO_SIDE = 4000;

const logoError = (message: string) => new AppError("VALIDATION", message, { logo: [message] });

/** The image's type and size as its own header states them (never the browser's word); a clear error otherwise. */
export function readLogo(bytes: Uint8Array): { contentType: string; width: number; height: number } {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw logoError("That file is not an image: choose a PNG or JPEG.");
  }
  const contentType = size.type ? LOGO_TYPES[size.type] : undefined;
  if (!contentType) throw logoError(`That is a ${size.type?.toUpperCase() ?? "file"} image: choose a PNG or JPEG.`);
  const { width, height } = size;
  if (!width || !height) throw logoError("That image has no size: choose another PNG or JPEG.");
  if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE)
    throw logoError(`That image is ${width} × ${height} pixels: a logo needs at most ${MAX_LOGO_SIDE} on each side.`);
  return { contentType, width, height };
}

/** Sets (or replaces) the brand's logo; another studio's brand is not found. */
export async function setBrandLogo(
  tx: Tx,
  { studioId, brandId, bytes }: { studioId: string; brandId: string; bytes: Uint8Array },
) {
  const image = readLogo(bytes);
  const brand = await requireBrand(tx, { studioId, brandId });
  const data = new Uint8Array(bytes);
  await tx.brandLogo.upsert({
    where: { studioId_brandId: { studioId, brandId: brand.id } },
    create: { studioId, brandId: brand.id, data, ...image },
    update: { data, ...image },
    select: { brandId: true },
  });
  return brand;
}

/** Takes the brand's logo away: its emails show its name alone again. */
export async function removeBrandLogo(tx: Tx, { studioId, brandId }: { studioId: string; brandId: string }) {
  const brand = await requireBrand(tx, { studioId, brandId });
  await tx.brandLogo.deleteMany({ where: { studioId, brandId: brand.id } });
  return brand;
}

export type BrandLogoImage = { data: Uint8Array; contentType: string; width: number; height: number };

/**
 * The logo of the brand an email speaks for. A studio's email names its brand (or the studio)
 * as its sender, and a brand's name is unique in its studio, so the name finds it; a studio
 * whose first brand carries its name shows that brand's logo on the studio's own emails.
 */
export function findSenderLogo(
  db: Reader,
  { studioId, sender }: { studioId: string; sender: string },
): Promise<BrandLogoImage | null> {
  return modelsOf(db).brandLogo.findFirst({
    where: { studioId, brand: { studioId, name: sender } },
    select: { data: true, contentType: true, width: true, height: true },
  });
}

/** The size a logo is shown at: at most 48 pixels high and 200 across, never enlarged. */
export function logoDisplaySize({ width, height }: { width: number; height: number }) {
  const scale = Math.min(1, 48 / height, 200 / width);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A logo as a data: URL, for the settings page (its CSP allows data: images). */
export const logoDataUrl = (logo: { data: Uint8Array; contentType: string }) =>
  `data:${logo.contentType};base64,${Buffer.from(logo.data).toString("base64")}`;
