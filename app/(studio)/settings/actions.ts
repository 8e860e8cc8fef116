"use server";

import { z } from "zod";
import { changePassword, requestEmailChange } from "@/lib/account/credentials";
import { sendEmailConfirmation, signOutEverywhere, signOutSession, updateProfile } from "@/lib/account/mutations";
import {
  changeEmailSchema,
  changePasswordSchema,
  sendEmailConfirmationSchema,
  signOutEverywhereSchema,
  signOutSessionSchema,
  updateProfileSchema,
} from "@/lib/account/schemas";
import { defineAction } from "@/lib/actions";
import { addBrand, deleteBrand, renameBrand } from "@/lib/brands/mutations";
import { setLeadAlert } from "@/lib/lead-alerts/mutations";
import { updateLeadAlertSchema } from "@/lib/lead-alerts/schemas";
import { removeBrandLogo, setBrandLogo } from "@/lib/brands/logo";
import {
  addBrandSchema,
  deleteBrandSchema,
  removeLogoSchema,
  renameBrandSchema,
  uploadLogoSchema,
} from "@/lib/brands/schemas";
import { updateStudio } from "@/lib/studios/mutations";
import { updateStudioSchema } from "@/lib/studios/schemas";
import { inviteStaff, removeStaff, revokeInvite } from "@/lib/team/mutations";
import { revokeInviteSchema, inviteStaffSchema, removeStaffSchema } from "@/lib/team/schemas";

// Names and brands show in the header of every studio page, hence "*".
const EVERY_PAGE = ["*"];

export const updateProfileAction = defineAction({
  access: "studio",
  schema: updateProfileSchema,
  async run({ tx, input, user }) {
    await updateProfile(tx, { userId: user.id, name: input.name });
    return { revalidate: EVERY_PAGE, message: "Your name was saved." };
  },
});

export const changeEmailAction = defineAction({
  access: "studio",
  schema: changeEmailSchema,
  async run({ tx, input, user }) {
    await requestEmailChange(tx, { userId: user.id, ...input });
    return {
      revalidate: [],
      message: `We sent a link to ${input.email}. Your address changes when you open it; until then, keep signing in with ${user.email}.`,
    };
  },
});

export const changePasswordAction = defineAction({
  access: "studio",
  schema: changePasswordSchema,
  async run({ tx, input, user }) {
    const updated = await changePassword(tx, {
      userId: user.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
    });
    // Every session ended with the change; this browser carries on in a new one.
    return {
      revalidate: ["/settings"],
      signInAs: updated,
      message: "Your password was changed. Every other session was signed out.",
    };
  },
});

export const updateLeadAlertAction = defineAction({
  access: "studio",
  schema: updateLeadAlertSchema,
  async run({ tx, input, user }) {
    await setLeadAlert(tx, { studioId: user.studioId, userId: user.id, leadAlert: input.leadAlert });
    const said = { INSTANT: "an email for each new inquiry", DAILY: "one email a day", OFF: "no email" };
    return { revalidate: ["/settings"], message: `Saved: you will get ${said[input.leadAlert]} about new inquiries.` };
  },
});

export const sendEmailConfirmationAction = defineAction({
  access: "studio",
  schema: sendEmailConfirmationSchema,
  async run({ tx, user }) {
    await sendEmailConfirmation(tx, { userId: user.id });
    return { revalidate: [], message: `We sent a new link to ${user.email}.` };
  },
});

export const signOutSessionAction = defineAction({
  access: "studio",
  schema: signOutSessionSchema,
  async run({ tx, input, user }) {
    await signOutSession(tx, { userId: user.id, sessionId: input.sessionId });
    return { revalidate: ["/settings"], message: "That session was signed out." };
  },
});

export const signOutEverywhereAction = defineAction({
  access: "studio",
  schema: signOutEverywhereSchema,
  async run({ tx, user }) {
    await signOutEverywhere(tx, { userId: user.id });
    // This browser's session ended too: the sign-in page is next.
    return { revalidate: ["*"], redirectTo: "/sign-in" };
  },
});

export const updateStudioAction = defineAction({
  access: "owner",
  schema: updateStudioSchema,
  async run({ tx, input, user }) {
    await updateStudio(tx, { studioId: user.studioId, ...input });
    return { revalidate: EVERY_PAGE, message: "Studio settings saved." };
  },
});

export const addBrandAction = defineAction({
  access: "owner",
  schema: addBrandSchema,
  async run({ tx, input, user }) {
    await addBrand(tx, { studioId: user.studioId, name: input.name });
    return { revalidate: EVERY_PAGE, message: `Brand "${input.name}" added.` };
  },
});

export const renameBrandAction = defineAction({
  access: "owner",
  schema: renameBrandSchema,
  async run({ tx, input, user }) {
    await renameBrand(tx, { studioId: user.studioId, ...input });
    return { revalidate: EVERY_PAGE, message: "Brand renamed." };
  },
});

export const deleteBrandAction = defineAction({
  access: "owner",
  schema: deleteBrandSchema,
  async run({ tx, input, user }) {
    await deleteBrand(tx, { studioId: user.studioId, brandId: input.brandId });
    return { revalidate: EVERY_PAGE, flash: "Brand deleted." };
  },
});

export const uploadBrandLogoAction = defineAction({
  access: "owner",
  schema: uploadLogoSchema,
  async run({ tx, input, user }) {
    const bytes = new Uint8Array(await input.logo.arrayBuffer());
    const brand = await setBrandLogo(tx, { studioId: user.studioId, brandId: input.brandId, bytes });
    return {
      revalidate: ["/settings/studio"],
      message: `Logo saved: it heads every email ${brand.name} sends from now on.`,
    };
  },
});

export const removeBrandLogoAction = defineAction({
  access: "owner",
  schema: removeLogoSchema,
  async run({ tx, input, user }) {
    const brand = await removeBrandLogo(tx, { studioId: user.studioId, brandId: input.brandId });
    // A flash: the form that asked goes away with the logo.
    return { revalidate: ["/settings/studio"], flash: `Logo removed: ${brand.name}'s emails show its name alone.` };
  },
});

export const inviteStaffAction = defineAction({
  access: "owner",
  schema: inviteStaffSchema,
  async run({ tx, input, user }) {
    await inviteStaff(tx, { studioId: user.studioId, invitedBy: user, email: input.email });
    return { revalidate: ["/settings/team", "/emails"], message: `Invitation sent to ${input.email}.` };
  },
});

export const revokeInviteAction = defineAction({
  access: "owner",
  schema: revokeInviteSchema,
  async run({ tx, input, user }) {
    await revokeInvite(tx, { studioId: user.studioId, inviteId: input.inviteId });
    return { revalidate: ["/settings/team"], flash: "Invitation cancelled." };
  },
});

export const removeStaffAction = defineAction({
  access: "owner",
  schema: removeStaffSchema.extend({ confirm: z.literal("yes", { error: "Confirm the removal." }).optional() }),
  async run({ tx, input, user }) {
    await removeStaff(tx, { studioId: user.studioId, actorId: user.id, userId: input.userId });
    return {
      revalidate: ["/settings/team", "/settings/billing"],
      flash: "Team member removed. They can no longer sign in.",
    };
  },
});
