"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { type NavItem } from "@/components/studio/app-shell";

/** "+ New": a disclosure (works without JavaScript) that closes once one of its pages opens. */
export function NewMenu({ items }: { items: readonly NavItem[] }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={ref}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 lg:block lg:min-h-0 [&::-webkit-details-marker]:hidden">
        + New
      </summary>
      <ul
        aria-label="Create new"
        className="absolute right-0 z-20 mt-1 w-48 rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
      >
        {items.map(([href, label]) => (
          <li key={href}>
            <Link href={href} className="block px-3 py-3 text-slate-800 hover:bg-slate-50 lg:py-1.5">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
