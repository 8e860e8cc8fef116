"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import { clientAddress } from "@/lib/client-address";
import { PAGES_AN_INQUIRY_CHANGES, submitInquiry } from "@/lib/inquiries/mutations";
import { submitInquirySchema } from "@/lib/inquiries/schemas";
import { studioSlug } from "@/lib/inquiries/slug";

export const submitInquiryAction = defineAction({
  access: "public",
  schema: submitInquirySchema.extend({ slug: studioSlug }),
  async run({ tx, input }) {
    const { slug, ...inquiry } = input;
    await submitInquiry(tx, { slug, clientAddress: clientAddress(await headers()), input: inquiry });
    return {
      revalidate: PAGES_AN_INQUIRY_CHANGES,
      message: `Thank you, ${inquiry.name}! Your inquiry has been sent and we'll be in touch soon.`,
    };
  },
});
