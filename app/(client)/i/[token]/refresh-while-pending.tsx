"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every two seconds, for a minute at most, while a payment is being confirmed. */
export function RefreshWhilePending() {
  const router = useRouter();
  useEffect(() => {
    let count = 0;
    const timer = setInterval(() => {
      if (++count > 30) clearInterval(timer);
      else router.refresh();
    }, 2_000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
