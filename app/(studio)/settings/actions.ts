"use server";

import { z } from "zod";
import { changeEmail, changePassword, updateProfile } from "@/lib/account/mutations";
import { emailChangeSchema, passwordChangeSchema, profileSchema } from "@/lib/account/schemas";
import { defineAction } from "@/lib/actions";
import { addBrand, deleteBrand, renameBrand } from "@/lib/brands/mutations";
import { addBrandSchema, deleteBrandSchema, renameBrandSchema } from "@/lib/brands/schemas";
import { updateStudio } from "@/lib/studios/mutations";
import { updateStudioSchema } from "@/lib/studios/schemas";
import { inviteStaff, removeStaff, revokeInvite } from "@/lib/team/mutations";
import { inviteIdSchema, inviteSchema, memberIdSchema } from "@/lib/team/schemas";
import { publicOrigin } from "@/lib/urls";

// Names and brands show in the header of every studio page, hence "*".
const EVERY_PAGE = ["*"];

export const saveProfile = defineAction({
  access: "studio",
  schema: profileSchema,
  async run({ tx, input, user }) {
    await updateProfile(tx, { userId: user.id, name: input.name });
    return { revalidate: EVERY_PAGE, message: "Your name was saved." };
  },
});

export const saveEmail = defineAction({
  access: "studio",
  schema: emailChangeSchema,
  async run({ tx, input, user }) {
    await changeEmail(tx, { userId: user.id, ...input });
    return { revalidate: ["/settings"], message: "Your email was changed. Use it next time you sign in." };
  },
});

export const savePassword = defineAction({
  access: "studio",
  schema: passwordChangeSchema,
  async run({ tx, input, user }) {
    await changePassword(tx, { userId: user.id, currentPassword: input.currentPassword, newPassword: input.newPassword });
    return { revalidate: [], message: "Your password was changed." };
  },
});

export const saveStudio = defineAction({
  access: "owner",
  schema: updateStudioSchema,
  async run({ tx, input, user }) {
    await updateStudio(tx, { studioId: user.studioId, ...input });
    return { revalidate: EVERY_PAGE, message: "Studio settings saved." };
  },
});

export const createBrand = defineAction({
  access: "owner",
  schema: addBrandSchema,
  async run({ tx, input, user }) {
    await addBrand(tx, { studioId: user.studioId, name: input.name });
    return { revalidate: EVERY_PAGE, message: `Brand "${input.name}" added.` };
  },
});

export const updateBrand = defineAction({
  access: "owner",
  schema: renameBrandSchema,
  async run({ tx, input, user }) {
    await renameBrand(tx, { studioId: user.studioId, ...input });
    return { revalidate: EVERY_PAGE, message: "Brand renamed." };
  },
});

export const removeBrand = defineAction({
  access: "owner",
  schema: deleteBrandSchema,
  async run({ tx, input, user }) {
    await deleteBrand(tx, { studioId: user.studioId, brandId: input.brandId });
    return { revalidate: EVERY_PAGE, flash: "Brand deleted." };
  },
});

export const sendInvite = defineAction({
  access: "owner",
  schema: inviteSchema,
  async run({ tx, input, user }) {
    await inviteStaff(tx, { studioId: user.studioId, invitedBy: user, email: input.email, origin: await publicOrigin() });
    return { revalidate: ["/settings/team"], message: `Invitation sent to ${input.email}.` };
  },
});

export const cancelInvite = defineAction({
  access: "owner",
  schema: inviteIdSchema,
  async run({ tx, input, user }) {
    await revokeInvite(tx, { studioId: user.studioId, inviteId: input.inviteId });
    return { revalidate: ["/settings/team"], flash: "Invitation cancelled." };
  },
});

export const removeMember = defineAction({
  access: "owner",
  schema: memberIdSchema.extend({ confirm: z.literal("yes", { error: "Confirm the removal." }).optional() }),
  async run({ tx, input, user }) {
    await removeStaff(tx, { studioId: user.studioId, actorId: user.id, userId: input.userId });
    return { revalidate: ["/settings/team"], flash: "Team member removed. They can no longer sign in." };
  },
});
