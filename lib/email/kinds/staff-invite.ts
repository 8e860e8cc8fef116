import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";
import { INVITE_DAYS } from "@/lib/team/schemas";
import { linkToken } from "@/lib/tokens";
import { invitationUrl } from "@/lib/urls";

/** An invitation to join a studio's team; only an open invitation is sent. */
export const staffInvite = defineEmailKind({
  params: z.object({ inviteId: z.string() }),
  async render({ tx, origin, studioId }, { inviteId }) {
    const invite = await tx.invite.findFirst({
      where: { id: inviteId, studioId: studioId ?? undefined },
      select: { id: true, studio: { select: { name: true } }, invitedBy: { select: { name: true } } },
    });
    if (!invite) return null;
    const { studio, invitedBy } = invite;
    return {
      sender: studio.name,
      subject: `${invitedBy.name} invited you to ${studio.name} on ShootQ`,
      text: [
        `${invitedBy.name} invited you to join ${studio.name} on ShootQ.`,
        "",
        "Accept the invitation and choose a password:",
        invitationUrl(origin, linkToken("invite", invite.id)),
        "",
        `The link works for ${INVITE_DAYS} days.`,
      ].join("\n"),
    };
  },
});
