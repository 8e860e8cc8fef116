"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";

// Shown only when the next page takes longer than this: a quick navigation does not flicker.
const SHOW_AFTER_MS = 150;

/**
 * The page a click on a link or a GET form is about to open. Not `defaultPrevented`: Next.js's
 * `<Link>` prevents the browser's navigation to make its own.
 */
function destination(event: Event): URL | null {
  if (event.type === "click") {
    const click = event as MouseEvent;
    if (click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
    const link = (click.target as Element | null)?.closest?.("a[href]");
    if (!(link instanceof HTMLAnchorElement)) return null;
    if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
    return new URL(link.href);
  }
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return null;
  const url = new URL(form.action || location.href);
  url.search = new URLSearchParams(
    [...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  ).toString();
  return url;
}

function Progress() {
  const here = `${usePathname()}?${useSearchParams().toString()}`;
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState(false);

  // A new page has rendered: nothing is loading any more (React's way to reset state on a change).
  const [renderedAt, setRenderedAt] = useState(here);
  if (renderedAt !== here) {
    setRenderedAt(here);
    setPending(false);
    setShown(false);
  }

  useEffect(() => {
    const start = (event: Event) => {
      const url = destination(event);
      if (!url || url.origin !== location.origin) return;
      if (url.pathname === location.pathname && url.search === location.search) return; // a #fragment, or this page
      setPending(true);
    };
    // The history moved, or the page came back from the browser's cache.
    const stop = () => {
      setPending(false);
      setShown(false);
    };
    // Capture phase: seen before any handler can stop it (a menu closing on the click).
    document.addEventListener("click", start, true);
    document.addEventListener("submit", start, true);
    window.addEventListener("popstate", stop);
    window.addEventListener("pageshow", stop);
    return () => {
      document.removeEventListener("click", start, true);
      document.removeEventListener("submit", start, true);
      window.removeEventListener("popstate", stop);
      window.removeEventListener("pageshow", stop);
    };
  }, []);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  return (
    <>
      {pending && shown && (
        <div
          role="progressbar"
          aria-label="Loading the page"
          className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-100"
        >
          <div className="h-full w-1/3 bg-brand-600 motion-safe:animate-page-loading" />
        </div>
      )}
      {/* Said by screen readers when the wait becomes noticeable (a live region, not role="status",
          which the page's own outcome messages have). */}
      <p className="sr-only" aria-live="polite" data-testid="page-loading-message">
        {pending && shown ? "Loading the page…" : ""}
      </p>
    </>
  );
}

/**
 * A loading state for every page: after a link or a search form is used, a bar across the top
 * of the screen (and, for screen readers, "Loading the page…") until the next page has rendered.
 * It needs no server change, so a page still answers 404 when it should, and without JavaScript
 * the browser's own loading indicator does the same job.
 */
export function NavigationProgress() {
  return (
    <Suspense fallback={null}>
      <Progress />
    </Suspense>
  );
}
