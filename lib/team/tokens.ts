import { createHash, randomBytes } from "node:crypto";

// Invite links carry a random token; only its hash is stored, so a database leak reveals no
// usable link.
export const newInviteToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const INVITE_DAYS = 7;
