// `tsx scripts/icons.ts`: draws the home-screen icons in public/icons/ from public/logo.svg.
// Run it after changing the logo and commit the PNGs: nginx serves them from public/ like any
// other file, and app/manifest.ts and the root layout's metadata point at them.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import sharp from "sharp";

const BRAND = "#4f5bd5";
const OUT = "public/icons";

/** Every icon the manifest and the layout name, with how it is drawn. */
export const ICONS = [
  // "any": the logo as it is, its rounded corners transparent.
  { file: "icon-192.png", size: 192, inset: 0, background: null },
  { file: "icon-512.png", size: 512, inset: 0, background: null },
  // "maskable": full bleed in the brand colour, the mark inside the 80% circle a launcher may crop to.
  { file: "maskable-512.png", size: 512, inset: 0.12, background: BRAND },
  // iOS fills transparency with black: a square in the brand colour it rounds itself.
  { file: "apple-touch-icon.png", size: 180, inset: 0.04, background: BRAND },
] as const;

async function draw({ size, inset, background }: (typeof ICONS)[number], svg: Buffer): Promise<Buffer> {
  const inner = Math.round(size * (1 - 2 * inset));
  const logo = await sharp(svg, { density: 72 * (inner / 64) })
    .resize(inner, inner)
    .png()
    .toBuffer();
  const canvas = sharp({
    create: { width: size, height: size, channels: 4, background: background ?? { r: 0, g: 0, b: 0, alpha: 0 } },
  });
  const offset = Math.round((size - inner) / 2);
  return canvas
    .composite([{ input: logo, top: offset, left: offset }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

async function main() {
  const svg = await readFile("public/logo.svg");
  await mkdir(OUT, { recursive: true });
  for (const icon of ICONS) {
    await writeFile(`${OUT}/${icon.file}`, await draw(icon, svg));
    console.log(`${OUT}/${icon.file} (${icon.size}×${icon.size})`);
  }
}

await main();
