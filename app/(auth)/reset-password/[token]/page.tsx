import Link from "next/link";
import { findOpenResetLink } from "@/lib/account/queries";
import { accountLinkToken } from "@/lib/account/schemas";
import { readConfirmingMiss } from "@/lib/db";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = accountLinkToken.safeParse((await params).token);
  // A link sent a moment ago may not be on the replica yet: a miss is asked of the primary.
  const isOpen =
    parsed.success && Boolean(await readConfirmingMiss((db) => findOpenResetLink(db, { token: parsed.data })));
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
