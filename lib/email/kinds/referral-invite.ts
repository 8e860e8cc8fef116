import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";
import { readSubject } from "@/lib/referrals/schemas";
import { signUpUrl } from "@/lib/urls";

/** A referral to a photographer who is not on ShootQ yet: the referred client and an invitation. */
export const referralInvite = defineEmailKind({
  params: z.object({ referralId: z.string() }),
  async render({ tx, origin, studioId }, { referralId }) {
    const referral = await tx.referral.findFirst({
      where: { id: referralId, fromStudioId: studioId ?? undefined },
      select: { subject: true, fromUser: { select: { name: true } } },
    });
    const subject = referral && readSubject(referral.subject);
    if (!referral || !subject) return null;
    const sender = referral.fromUser.name;
    return {
      subject: `${sender} referred a client to you`,
      text: [
        `${sender} thinks you'd be a great photographer for ${subject.clientName} and referred them to you through ShootQ.`,
        "",
        `Client: ${subject.clientName}`,
        `Email: ${subject.email}`,
        ...(subject.phone ? [`Phone: ${subject.phone}`] : []),
        `Event: ${subject.eventType}${subject.eventDate ? ` on ${subject.eventDate}` : ""}`,
        ...(subject.message ? ["", subject.message] : []),
        "",
        `ShootQ keeps leads, proposals and bookings in one place. Create your free studio: ${signUpUrl(origin)}`,
      ].join("\n"),
    };
  },
});
