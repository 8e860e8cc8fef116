import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/client-address";
import { PAGES_AN_INQUIRY_CHANGES, submitInquiry } from "@/lib/inquiries/mutations";
import { submitInquirySchema } from "@/lib/inquiries/schemas";
import { studioSlug } from "@/lib/inquiries/slug";
import { defineWriteRoute } from "@/lib/routes";

// The embeddable form posts here from the studio's own website, on any origin. It carries no
// cookies or credentials, so allowing every origin exposes nothing.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
};

export function OPTIONS() {
  return new NextResponse(null, { status: 204, headers: CORS });
}

export const POST = defineWriteRoute<typeof submitInquirySchema, "public", { slug: string }>({
  access: "public",
  schema: submitInquirySchema,
  headers: CORS,
  async run({ tx, input, params, request }) {
    const slug = studioSlug.safeParse(params.slug);
    if (!slug.success) throw new AppError("NOT_FOUND", "That studio was not found.");
    await submitInquiry(tx, {
      slug: slug.data,
      clientAddress: clientAddress(request.headers),
      input,
      source: "website",
    });
    return {
      status: 201,
      body: { ok: true, message: `Thank you, ${input.name}! Your inquiry has been sent and we'll be in touch soon.` },
      revalidate: PAGES_AN_INQUIRY_CHANGES,
    };
  },
});
