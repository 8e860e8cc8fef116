import { z } from "zod";
import { openAccountLinkToken } from "@/lib/account/links";
import { defineEmailKind } from "@/lib/email/kind";
import { confirmEmailUrl, forgotPasswordUrl, resetPasswordUrl, signInUrl } from "@/lib/urls";

// Emails about the account itself, sent to its holder (studioId null): never subject to a
// studio's sending rules, and each carries a link rendered only when it is sent.

type OpenLink = NonNullable<Awaited<ReturnType<typeof openAccountLinkToken>>>;

/** An email carrying one account link: `intro` above the link, `outro` below it. */
function accountLinkKind(
  subject: string,
  url: (origin: string, token: string) => string,
  lines: (link: OpenLink) => { intro: string; outro: string },
) {
  return defineEmailKind({
    params: z.object({ accountTokenId: z.string() }),
    async render({ tx, origin }, { accountTokenId }) {
      const link = await openAccountLinkToken(tx, { id: accountTokenId });
      if (!link) return null;
      const { intro, outro } = lines(link);
      return { subject, text: [`Hi ${link.user.name},`, "", intro, url(origin, link.token), "", outro].join("\n") };
    },
  });
}

/** Confirms the address a studio was created with; the link opens the new studio. */
export const verifyEmail = accountLinkKind("Confirm your email address for ShootQ", confirmEmailUrl, () => ({
  intro: "Confirm that this is your email address to open your studio on ShootQ:",
  outro: "The link works for 3 days. If you did not sign up for ShootQ, ignore this email: nothing happens without it.",
}));

/** Sent to the new address of an email change: the change happens when it is confirmed. */
export const confirmEmailChange = accountLinkKind(
  "Confirm your new email address for ShootQ",
  confirmEmailUrl,
  (link) => ({
    intro: `Confirm ${link.email} as the address you sign in to ShootQ with:`,
    outro:
      "Until you do, your current address stays in use. The link works for 24 hours. If you did not ask for this, ignore this email.",
  }),
);

/** A password reset: single use, one hour. */
export const passwordReset = accountLinkKind("Reset your ShootQ password", resetPasswordUrl, () => ({
  intro: "Choose a new password here (the link works once, for one hour):",
  outro:
    "Resetting signs you out everywhere else. If you did not ask for this, ignore this email: your password stays as it is.",
}));

/** Someone signed up with an address that already has an account: its holder is told, nobody else. */
export const accountExists = defineEmailKind({
  params: z.object({ userId: z.string() }),
  async render({ tx, origin }, { userId }) {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
    if (!user) return null;
    return {
      subject: "You already have a ShootQ account",
      text: [
        `Hi ${user.name},`,
        "",
        "Someone (probably you) tried to create a ShootQ studio with this address, which already has an account.",
        `Sign in: ${signInUrl(origin)}`,
        `Forgot your password? ${forgotPasswordUrl(origin)}`,
        "",
        "If it was not you, nothing changed and you can ignore this email.",
      ].join("\n"),
    };
  },
});

/** Told to the old address once a change of address is confirmed. */
export const emailChanged = defineEmailKind({
  params: z.object({ userId: z.string(), newEmail: z.string() }),
  async render({ tx, origin }, { userId, newEmail }) {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
    if (!user) return null;
    return {
      subject: "Your ShootQ email address was changed",
      text: [
        `Hi ${user.name},`,
        "",
        `The address you sign in to ShootQ with is now ${newEmail}. This address no longer receives ShootQ email for your account.`,
        "",
        `If you did not make this change, reset your password from the new address or contact us: ${forgotPasswordUrl(origin)}`,
      ].join("\n"),
    };
  },
});
