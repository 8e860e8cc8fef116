import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

async function checkCurrentPassword(tx: Tx, userId: string, password: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user) throw notFound("Your account");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("VALIDATION", "Your current password is not correct.", { currentPassword: ["Your current password is not correct."] });
  }
}

export async function updateProfile(tx: Tx, { userId, name }: { userId: string; name: string }) {
  await tx.user.update({ where: { id: userId }, data: { name }, select: { id: true } });
}

export async function changeEmail(tx: Tx, { userId, email, currentPassword }: { userId: string; email: string; currentPassword: string }) {
  await checkCurrentPassword(tx, userId, currentPassword);
  const taken = await tx.user.findFirst({ where: { email, NOT: { id: userId } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "That email is already in use.", { email: ["That email is already in use."] });
  await tx.user.update({ where: { id: userId }, data: { email }, select: { id: true } });
}

export async function changePassword(tx: Tx, { userId, currentPassword, newPassword }: { userId: string; currentPassword: string; newPassword: string }) {
  await checkCurrentPassword(tx, userId, currentPassword);
  await tx.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) }, select: { id: true } });
}
