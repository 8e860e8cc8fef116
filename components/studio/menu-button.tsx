"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * "Menu" on narrow screens: folds the header's navigation and tools (below the md breakpoint)
 * into a panel it opens and closes by setting `data-menu` on its header. Escape closes it and
 * returns focus here; opening another page closes it.
 */
export function MenuButton({ controls }: { controls: string }) {
  const pathname = usePathname();
  // Open only on the page it was opened on, so a navigation closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    ref.current?.closest("header")?.setAttribute("data-menu", open ? "open" : "closed");
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpenOn(null);
      ref.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <button
      ref={ref}
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => setOpenOn(open ? null : pathname)}
      className="inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium text-white ring-1 ring-white/40 ring-inset hover:bg-white/10 lg:hidden"
    >
      Menu
    </button>
  );
}
