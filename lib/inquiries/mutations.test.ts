import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { primaryDb, type Tx } from "@/lib/db";
import { inquiryEmbedSnippet } from "@/lib/inquiries/embed";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { env } from "@/lib/env";
import { submitInquirySchema } from "@/lib/inquiries/schemas";
import { createStudio } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

const form = {
  name: "Jane Example",
  email: "jane@example.com",
  phone: "",
  eventType: "wedding",
  eventDate: "2027-10-02",
  message: "Are you free?",
  website: "",
};
// Every test gets its own address so the per-address limit of one test never blocks another.
const address = () => `203.0.113.${randomBytes(2).readUInt16BE() % 250}-${randomBytes(4).toString("hex")}`;

describe("submitInquiry", () => {
  it("turns an inquiry into a new lead of the first brand and tells the studio", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
    const outcome = await inTx((tx) =>
      submitInquiry(tx, { slug: studio.slug, clientAddress: address(), input: submitInquirySchema.parse(form) }),
    );
    expect(outcome.kind).toBe("created");
    const lead = await db().lead.findFirstOrThrow({ where: { studioId: studio.id } });
    expect(lead).toMatchObject({
      name: "Jane Example",
      email: "jane@example.com",
      phone: null,
      status: "NEW",
      brandId: brands[0].id,
      source: "inquiry",
    });
    const notes = await db().notification.findMany({ where: { studioId: studio.id } });
    expect(notes).toMatchObject([
      { kind: "lead.created", message: "You have a new lead from Jane Example", link: `/leads/${lead.id}` },
    ]);
  });

  it("files the inquiry under the brand the client chose", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
    await inTx((tx) =>
      submitInquiry(tx, {
        slug: studio.slug,
        clientAddress: address(),
        input: submitInquirySchema.parse({ ...form, brandId: brands[1].id }),
      }),
    );
    expect((await db().lead.findFirstOrThrow({ where: { studioId: studio.id } })).brandId).toBe(brands[1].id);
  });

  it("refuses another studio's brand and saves nothing", async () => {
    const { studio } = await createStudio(db());
    const other = await createStudio(db());
    const input = submitInquirySchema.parse({ ...form, brandId: other.brands[0].id });
    await expect(
      inTx((tx) => submitInquiry(tx, { slug: studio.slug, clientAddress: address(), input })),
    ).rejects.toMatchObject({
      fieldErrors: { brandId: ["Choose one of the listed services."] },
    });
    expect(await db().lead.count({ where: { studioId: { in: [studio.id, other.studio.id] } } })).toBe(0);
  });

  it("thanks a bot that filled the honeypot and saves nothing", async () => {
    const { studio } = await createStudio(db());
    const outcome = await inTx((tx) =>
      submitInquiry(tx, {
        slug: studio.slug,
        clientAddress: address(),
        input: submitInquirySchema.parse({ ...form, website: "http://spam.example" }),
      }),
    );
    expect(outcome).toEqual({ kind: "ignored" });
    expect(await db().lead.count({ where: { studioId: studio.id } })).toBe(0);
    expect(await db().notification.count({ where: { studioId: studio.id } })).toBe(0);
  });

  it("limits each address to a few inquiries an hour, then explains when to retry", async () => {
    const { studio } = await createStudio(db());
    const from = address();
    const send = () =>
      inTx((tx) =>
        submitInquiry(tx, { slug: studio.slug, clientAddress: from, input: submitInquirySchema.parse(form) }),
      );
    for (let i = 0; i < env().INQUIRY_LIMIT_PER_HOUR; i++) await send();
    await expect(send()).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many inquiries from your connection\. Please try again in \d+ minutes?\.$/),
    });
    expect(await db().lead.count({ where: { studioId: studio.id } })).toBe(env().INQUIRY_LIMIT_PER_HOUR);
    // Another address is not affected.
    await inTx((tx) =>
      submitInquiry(tx, { slug: studio.slug, clientAddress: address(), input: submitInquirySchema.parse(form) }),
    );
    expect(await db().lead.count({ where: { studioId: studio.id } })).toBe(env().INQUIRY_LIMIT_PER_HOUR + 1);
  });

  it("answers an unknown studio with NOT_FOUND", async () => {
    await expect(
      inTx((tx) =>
        submitInquiry(tx, {
          slug: "no-such-studio-000",
          clientAddress: address(),
          input: submitInquirySchema.parse(form),
        }),
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("explains every invalid field of the public form", () => {
    expect(
      fieldErrors(
        submitInquirySchema.safeParse({
          name: "",
          email: "",
          eventType: "",
          eventDate: "2027-13-01",
          phone: "x".repeat(41),
        }),
      ),
    ).toEqual({
      name: ["Enter a name."],
      email: ["Enter an email address."],
      eventType: ["Enter a type, such as wedding or portrait."],
      eventDate: ["Enter a real date as YYYY-MM-DD."],
      phone: ["Use at most 40 characters."],
    });
  });
});

describe("inquiryEmbedSnippet", () => {
  it("posts to the studio's endpoint with the honeypot and the brand", () => {
    const html = inquiryEmbedSnippet({ origin: "https://app.example", slug: "golden-hour-1a2b3c", brandId: "brand-1" });
    expect(html).toContain('action="https://app.example/api/inquiries/golden-hour-1a2b3c"');
    expect(html).toContain('name="website"');
    expect(html).toContain('<input type="hidden" name="brandId" value="brand-1">');
    for (const field of ["name", "email", "phone", "eventType", "eventDate", "message"])
      expect(html).toContain(`name="${field}"`);
  });
});
