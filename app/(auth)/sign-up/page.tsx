import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/guards";
import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Create your studio" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/dashboard");
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Create your studio</h1>
      <SignUpForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        Already on ShootQ?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </>
  );
}
