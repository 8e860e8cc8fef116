import Link from "next/link";
import { isResetLinkOpen } from "@/lib/account/mutations";
import { accountLinkToken } from "@/lib/account/schemas";
import { primaryDb } from "@/lib/db";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = accountLinkToken.safeParse((await params).token);
  // Read on the primary: the link was sent a moment ago.
  const isOpen =
    parsed.success && (await primaryDb().$transaction((tx) => isResetLinkOpen(tx, { token: parsed.data })));
  if (!isOpen) {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">This link is not valid</h1>
        <p className="text-sm text-slate-600">Reset links work once, for one hour.</p>
        <Link href="/forgot-password" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
          Ask for a new link
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Choose a new password</h1>
      <p className="mb-6 text-sm text-slate-600">Every other browser signed in to your account will be signed out.</p>
      <ResetPasswordForm token={parsed.data!} />
    </>
  );
}
