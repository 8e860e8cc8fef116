import Image from "next/image";
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { assetUrl } from "@/lib/assets";
import { getSessionUser } from "@/lib/auth/guards";

export const metadata = { title: { absolute: "ShootQ: studio management for photographers" } };

export default async function LandingPage() {
  const user = await getSessionUser();
  if (user) redirect(user.role === "ADMIN" ? "/admin" : "/dashboard");
  const features = [
    [
      "Leads that don't slip",
      "Inquiries from your website land in one list, with stages from first contact to booked.",
    ],
    ["Jobs, shoots and your week", "Every session and shoot on one calendar, and a feed for Google or Apple Calendar."],
    ["Proposals clients can accept", "Packages, deposits and a clean page your client accepts from their phone."],
    ["After the booking", "Questionnaires, album workflows and tasks, so every job's next step is on your dashboard."],
  ];
  return (
    <main id="main">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-6">
        <span className="flex items-center gap-3 text-2xl font-bold tracking-tight text-brand-700">
          <Image src={assetUrl("/logo.svg")} alt="" width={36} height={36} unoptimized priority />
          ShootQ
        </span>
        <nav className="flex gap-3">
          <Link href="/sign-in" className={buttonClass("ghost")}>
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClass("primary")}>
            Start your studio
          </Link>
        </nav>
      </header>
      <section className="mx-auto max-w-5xl px-6 py-16">
        <h1 className="max-w-2xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          Run your photography studio from one calm dashboard.
        </h1>
        <p className="mt-6 max-w-xl text-lg text-slate-600">
          ShootQ keeps your leads, shoots, proposals, questionnaires and album workflows together, and tells you each
          morning what is new, what is happening this week and what comes next.
        </p>
        <div className="mt-8 flex gap-3">
          <Link href="/sign-up" className={buttonClass("primary")}>
            Create your studio
          </Link>
          <Link href="/sign-in" className={buttonClass("secondary")}>
            I already have an account
          </Link>
        </div>
      </section>
      <section className="mx-auto grid max-w-5xl gap-6 px-6 pb-24 sm:grid-cols-2">
        {features.map(([title, text]) => (
          <div key={title} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold text-slate-900">{title}</h2>
            <p className="mt-2 text-sm text-slate-600">{text}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
