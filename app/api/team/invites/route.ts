import { defineWriteRoute } from "@/lib/routes";
import { inviteStaff } from "@/lib/team/mutations";
import { inviteStaffSchema } from "@/lib/team/schemas";

/** Invite a staff member by email (JSON API; the Team settings page does the same by form). */
export const POST = defineWriteRoute({
  access: "owner",
  schema: inviteStaffSchema,
  async run({ tx, input, user }) {
    const { inviteId } = await inviteStaff(tx, { studioId: user.studioId, invitedBy: user, email: input.email });
    return { status: 201, body: { id: inviteId, email: input.email }, revalidate: ["/settings/team", "/emails"] };
  },
});
