"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation the element that had the focus (the link or button used) is
 * usually gone, and the browser would go on tabbing from where it was. This puts the focus back
 * at the top of the new page, so the next Tab reaches "Skip to content" as on a fresh load.
 * Focus a page placed itself (a flash message, a refused field) is left where it is.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const top = useRef<HTMLSpanElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    top.current?.focus({ preventScroll: true });
  }, [pathname]);
  return <span ref={top} tabIndex={-1} className="outline-none" data-testid="page-top" />;
}
