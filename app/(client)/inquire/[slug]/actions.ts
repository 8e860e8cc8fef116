"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import { clientAddress } from "@/lib/client-address";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { inquirySchema } from "@/lib/inquiries/schemas";
import { studioSlug } from "@/lib/inquiries/slug";

export const sendInquiry = defineAction({
  access: "public",
  schema: inquirySchema.extend({ slug: studioSlug }),
  async run({ tx, input }) {
    const { slug, ...inquiry } = input;
    await submitInquiry(tx, { slug, clientAddress: clientAddress(await headers()), input: inquiry });
    return { revalidate: ["/leads", "/dashboard"], message: `Thank you, ${inquiry.name}! Your inquiry has been sent and we'll be in touch soon.` };
  },
});
