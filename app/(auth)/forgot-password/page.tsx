import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-slate-600">
        Enter the address you sign in with and we will email you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        <Link className="font-medium text-brand-600 hover:underline" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
