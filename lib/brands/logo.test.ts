import { describe, expect, it } from "vitest";
import { primaryDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findSenderLogo, logoDisplaySize, readLogo, removeBrandLogo, setBrandLogo } from "@/lib/brands/logo";
import { MAX_LOGO_BYTES, uploadLogoSchema } from "@/lib/brands/schemas";
import { createStudio } from "@/prisma/factories";
import { gifHeader, solidPng } from "@/scripts/testing/images";

const db = () => primaryDb();
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn, { maxWait: 5_000, timeout: 15_000 });
const refusal = (attempt: () => unknown) => {
  try {
    attempt();
    return null;
  } catch (e) {
    return (e as AppError).fieldErrors?.logo?.[0] ?? String(e);
  }
};
const failure = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (e: unknown) => (e as AppError).code,
  );

describe("a brand's logo", () => {
  it("is a PNG or JPEG as its own bytes say, whatever the file is called, and of a logo's size", () => {
    expect(readLogo(solidPng(300, 90))).toEqual({ contentType: "image/png", width: 300, height: 90 });
    // A JPEG: its JFIF header, then a start of frame (SOF0) giving its size, 64 × 32.
    const jpeg = Buffer.from([
      ...[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01],
      ...[0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01],
      ...[0x03, 0x11, 0x01, 0xff, 0xd9],
    ]);
    expect(readLogo(jpeg)).toEqual({ contentType: "image/jpeg", width: 64, height: 32 });
    expect(refusal(() => readLogo(Buffer.from("name,email\nAda,ada@example.com\n")))).toBe(
      "That file is not an image: choose a PNG or JPEG.",
    );
    expect(refusal(() => readLogo(gifHeader(40, 40)))).toBe("That is a GIF image: choose a PNG or JPEG.");
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>x()</script></svg>',
    );
    expect(refusal(() => readLogo(svg))).toBe("That is a SVG image: choose a PNG or JPEG.");
    expect(refusal(() => readLogo(solidPng(4001, 10)))).toBe(
      "That image is 4001 × 10 pixels: a logo needs at most 4000 on each side.",
    );
  });

  it("is refused past its file cap with a clear message before anything is read", () => {
    const big = new File([new Uint8Array(MAX_LOGO_BYTES + 1)], "logo.png", { type: "image/png" });
    const parsed = uploadLogoSchema.safeParse({ brandId: "0190f7a0-0000-7000-8000-000000000000", logo: big });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^The image is larger than 256 KB/);
  });

  it("is shown at most 48 pixels high and 200 across, never enlarged", () => {
    expect(logoDisplaySize({ width: 600, height: 200 })).toEqual({ width: 144, height: 48 });
    expect(logoDisplaySize({ width: 1000, height: 100 })).toEqual({ width: 200, height: 20 });
    expect(logoDisplaySize({ width: 30, height: 20 })).toEqual({ width: 30, height: 20 });
  });

  it("is set, replaced and removed on the studio's own brand only, and found by the name its emails go out in", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Lumen & Lace", "Northlight Portraits"] });
    const other = await createStudio(db());
    const [lumen, northlight] = brands;
    await inTx((tx) => setBrandLogo(tx, { studioId: studio.id, brandId: northlight.id, bytes: solidPng(120, 40) }));
    await inTx((tx) => setBrandLogo(tx, { studioId: studio.id, brandId: northlight.id, bytes: solidPng(200, 50) }));
    const found = await inTx((tx) => findSenderLogo(tx, { studioId: studio.id, sender: "Northlight Portraits" }));
    expect(found && { ...found, data: Buffer.from(found.data) }).toEqual({
      data: solidPng(200, 50),
      contentType: "image/png",
      width: 200,
      height: 50,
    });
    expect(await inTx((tx) => findSenderLogo(tx, { studioId: studio.id, sender: lumen.name }))).toBeNull();
    // Another studio cannot set, remove or find this studio's brand's logo.
    expect(
      await failure(
        inTx((tx) => setBrandLogo(tx, { studioId: other.studio.id, brandId: northlight.id, bytes: solidPng(9, 9) })),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await failure(inTx((tx) => removeBrandLogo(tx, { studioId: other.studio.id, brandId: northlight.id }))),
    ).toBe("NOT_FOUND");
    expect(
      await inTx((tx) => findSenderLogo(tx, { studioId: other.studio.id, sender: "Northlight Portraits" })),
    ).toBeNull();
    expect(await db().brandLogo.count({ where: { brandId: northlight.id } })).toBe(1);

    await inTx((tx) => removeBrandLogo(tx, { studioId: studio.id, brandId: northlight.id }));
    expect(await inTx((tx) => findSenderLogo(tx, { studioId: studio.id, sender: "Northlight Portraits" }))).toBeNull();
  });
});
