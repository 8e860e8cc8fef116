import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { defineWriteRoute } from "@/lib/routes";
import { inviteStaff } from "@/lib/team/mutations";
import { inviteSchema } from "@/lib/team/schemas";

/** Invite a staff member by email (JSON API; the Team settings page does the same by form). */
export const POST = defineWriteRoute({
  access: "studio",
  schema: inviteSchema,
  async run({ tx, input, user }) {
    if (user.role !== "OWNER") throw new AppError("NOT_FOUND", "Not found.");
    const { inviteId } = await inviteStaff(tx, { studioId: user.studioId, invitedBy: user, email: input.email, appUrl: env().APP_URL ?? "http://localhost:3000" });
    return { status: 201, body: { id: inviteId, email: input.email }, revalidate: ["/settings/team"] };
  },
});
