import { z } from "zod";
import { email, linkTokenField, newPassword, personName } from "@/lib/fields";

/** How long an invitation link works. */
export const INVITE_DAYS = 7;

export const inviteStaffSchema = z.object({ email });

export const inviteToken = linkTokenField("That invitation link is not valid.");

export const acceptInviteSchema = z.object({ token: inviteToken, name: personName, password: newPassword });

export const removeStaffSchema = z.object({ userId: z.string().min(1).max(64) });
export const revokeInviteSchema = z.object({ inviteId: z.string().min(1).max(64) });
