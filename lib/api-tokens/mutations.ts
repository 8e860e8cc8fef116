import { type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/tokens";
import { type CreateApiTokenInput } from "@/lib/api-tokens/schemas";

/** Every API token starts with this, so secret scanners (and people) can recognise a leaked one. */
export const API_TOKEN_PREFIX = "sq_live_";

/** Creates a token and returns its secret: shown once, never stored (only its hash is). */
export async function createApiToken(
  tx: Tx,
  { studioId, userId, input }: { studioId: string; userId: string; input: CreateApiTokenInput },
) {
  const secret = `${API_TOKEN_PREFIX}${newToken()}`;
  const token = await tx.apiToken.create({
    data: {
      studioId,
      userId,
      name: input.name,
      scope: input.scope,
      tokenHash: hashToken(secret),
      hint: secret.slice(0, API_TOKEN_PREFIX.length + 4),
    },
    select: { id: true },
  });
  return { id: token.id, secret };
}

export async function revokeApiToken(tx: Tx, { studioId, apiTokenId }: { studioId: string; apiTokenId: string }) {
  const { count } = await tx.apiToken.updateMany({
    where: { id: apiTokenId, studioId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("That token");
}
