import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getSessionUser } from "@/lib/auth/guards";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage() {
  const user = await getSessionUser();
  if (user) redirect(user.role === "ADMIN" ? "/admin" : "/dashboard");
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in to ShootQ</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
      <p className="mt-4 text-center text-sm">
        <Link className="font-medium text-brand-600 hover:underline" href="/forgot-password">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-6 text-center text-sm text-slate-600">
        New here?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/sign-up">
          Create your studio
        </Link>
      </p>
    </>
  );
}
