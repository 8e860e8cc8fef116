"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { MIN_SEARCH_LENGTH } from "@/lib/search/schemas";
import { type SearchGroup } from "@/lib/search/queries";

type Option = { id: string; href: string; title: string; detail: string };

/**
 * The header's one search box, as an ARIA combobox: suggestions grouped by kind, arrows move
 * through them, Enter opens the highlighted one (or the full results page), Escape closes.
 * It is a plain GET form to /search underneath, so it works without JavaScript.
 */
export function HeaderSearch() {
  const router = useRouter();
  const base = useId();
  const listId = `${base}-results`;
  const [q, setQ] = useState("");
  const [groups, setGroups] = useState<SearchGroup[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [isLoading, setIsLoading] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);

  const text = q.trim();
  useEffect(() => {
    if (text.length < MIN_SEARCH_LENGTH) return;
    const controller = new AbortController();
    // A short pause so typing a word sends one request, not one per letter.
    const timer = setTimeout(async () => {
      setIsLoading(true);
      try {
        const res = await fetch(`/api/search?q=${encodeURIComponent(text)}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!res.ok) return;
        const body = (await res.json()) as { groups: SearchGroup[] };
        setGroups(body.groups);
        setActive(-1);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setGroups([]);
      } finally {
        if (!controller.signal.aborted) setIsLoading(false);
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const shown = text.length >= MIN_SEARCH_LENGTH ? groups : [];
  const allHref = `/search?q=${encodeURIComponent(text)}`;
  const options: Option[] = [
    ...shown.flatMap((g) =>
      g.hits.map((h) => ({ id: `${base}-${h.kind}-${h.id}`, href: h.href, title: h.title, detail: h.detail })),
    ),
    ...(text.length >= MIN_SEARCH_LENGTH
      ? [{ id: `${base}-all`, href: allHref, title: `See all results for “${text}”`, detail: "" }]
      : []),
  ];
  const expanded = isOpen && options.length > 0;

  const go = (href: string) => {
    setIsOpen(false);
    router.push(href);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!options.length) return;
      setIsOpen(true);
      const down = e.key === "ArrowDown";
      setActive((i) => (down ? (i + 1) % options.length : i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === "Enter" && expanded && active >= 0 && active < options.length) {
      e.preventDefault();
      go(options[active].href);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setIsOpen(false);
        setActive(-1);
      } else setQ("");
    }
  };

  // Where each group's options start in the flat list the arrows move through.
  const starts = shown.map((_, gi) => shown.slice(0, gi).reduce((n, g) => n + g.hits.length, 0));
  return (
    <div
      ref={boxRef}
      className="relative"
      onBlur={(e) => !boxRef.current?.contains(e.relatedTarget as Node) && setIsOpen(false)}
    >
      <form role="search" action="/search" method="get" aria-label="Studio search">
        <label htmlFor={`${base}-input`} className="sr-only">
          Search
        </label>
        <input
          id={`${base}-input`}
          name="q"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 && active < options.length ? options[active].id : undefined}
          autoComplete="off"
          maxLength={100}
          placeholder="Search clients, leads, jobs…"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setIsOpen(true);
            setActive(-1);
          }}
          onFocus={() => setIsOpen(true)}
          onKeyDown={onKeyDown}
          className="min-h-11 w-full rounded-md border-0 bg-white/10 px-3 py-1.5 text-sm text-white ring-1 ring-white/20 placeholder:text-slate-400 focus:bg-white focus:text-slate-900 focus:ring-2 focus:ring-brand-500 lg:min-h-0 lg:w-56 lg:w-72"
        />
      </form>
      <div
        id={listId}
        role="listbox"
        aria-label="Search suggestions"
        aria-busy={isLoading}
        hidden={!expanded}
        className="absolute right-0 z-20 mt-1 max-h-[28rem] w-full overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200 lg:w-96"
      >
        {shown.map((group, gi) => (
          <div key={group.kind} role="group" aria-labelledby={`${base}-${group.kind}`}>
            <div
              id={`${base}-${group.kind}`}
              role="presentation"
              className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase"
            >
              {group.label}
            </div>
            {group.hits.map((hit, hi) => {
              const index = starts[gi] + hi;
              const option = options[index];
              const isActive = index === active;
              return (
                <div
                  key={option.id}
                  id={option.id}
                  role="option"
                  aria-selected={isActive}
                  tabIndex={-1}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => go(option.href)}
                  className={`cursor-pointer px-3 py-1.5 ${isActive ? "text-brand-800 bg-brand-50" : "text-slate-800 hover:bg-slate-50"}`}
                >
                  <span className="font-medium">{hit.title}</span>
                  {hit.detail ? <span className="block text-xs wrap-anywhere text-slate-500">{hit.detail}</span> : null}
                </div>
              );
            })}
          </div>
        ))}
        {text.length >= MIN_SEARCH_LENGTH ? (
          <div
            id={options[options.length - 1].id}
            role="option"
            aria-selected={active === options.length - 1}
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(allHref)}
            className={`cursor-pointer border-t border-slate-100 px-3 py-2 ${active === options.length - 1 ? "text-brand-800 bg-brand-50" : "text-brand-700 hover:bg-slate-50"}`}
          >
            {options[options.length - 1].title}
          </div>
        ) : null}
      </div>
    </div>
  );
}
