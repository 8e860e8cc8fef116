import { z } from "zod";
import { recordId, requiredText } from "@/lib/fields";
import { ApiTokenScope } from "@/prisma/generated/prisma/enums";

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = {
  READ: "Read only",
  WRITE: "Read and write",
};

export const createApiTokenSchema = z.object({
  name: requiredText("a name, such as Website or Accounting", 80),
  scope: z.enum(ApiTokenScope, { error: "Choose what the token may do." }),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ apiTokenId: recordId });
