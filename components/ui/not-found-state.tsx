import Link from "next/link";
import { type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/** What a not-found.tsx shows: what is missing, why it may be, and a way back. */
export function NotFoundState({
  title,
  children,
  home,
}: {
  title: string;
  children: ReactNode;
  home: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-600">{children}</p>
      <Link href={home.href} className={`mt-6 ${buttonClass("secondary")}`}>
        {home.label}
      </Link>
    </div>
  );
}
