"use server";

import { defineAction } from "@/lib/actions";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/mutations";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/api-tokens/schemas";

// No form token on the create form: its outcome (which holds the secret) would be stored to
// answer a repeated submit, and the secret must never be stored.
export const createApiTokenAction = defineAction({
  access: "owner",
  schema: createApiTokenSchema,
  async run({ tx, input, user }) {
    const { secret } = await createApiToken(tx, { studioId: user.studioId, userId: user.id, input });
    return {
      revalidate: ["/settings/api-tokens"],
      message: `Token "${input.name}" created. Copy it now: it will not be shown again.`,
      secret,
    };
  },
});

export const revokeApiTokenAction = defineAction({
  access: "owner",
  schema: revokeApiTokenSchema,
  async run({ tx, input, user }) {
    await revokeApiToken(tx, { studioId: user.studioId, apiTokenId: input.apiTokenId });
    return { revalidate: ["/settings/api-tokens"], message: "Token revoked." };
  },
});
