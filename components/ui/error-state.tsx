"use client";

import Link from "next/link";
import { unstable_isUnrecognizedActionError } from "next/navigation";
import { useEffect } from "react";
import { Button, buttonClass } from "@/components/ui/button";

type Props = {
  error: Error & { digest?: string };
  reset: () => void;
  /** Where "go back" leads in this part of the app. */
  home: { href: string; label: string };
};

/**
 * What an error.tsx shows: what happened in plain words, a retry and a way back. A page of the
 * previous release may call a server action the new release no longer has: that reloads onto
 * the new release instead.
 */
export function ErrorState({ error, reset, home }: Props) {
  const stale = unstable_isUnrecognizedActionError(error);
  useEffect(() => {
    if (stale) window.location.reload();
  }, [stale]);
  if (stale) return null;
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-3 text-slate-600">
        This page could not be shown just now. Nothing you saved was lost. Try again, or reload the page.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <Link href={home.href} className={buttonClass("secondary")}>
          {home.label}
        </Link>
      </div>
    </div>
  );
}
