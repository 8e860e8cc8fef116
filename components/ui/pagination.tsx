import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

type Props = {
  basePath: string;
  /** The URL's other parameters, kept on every page link. */
  params: Record<string, string | undefined>;
  next?: string;
  prev?: string;
  /** Parameter names, so one page can paginate several lists independently. */
  afterParam?: string;
  beforeParam?: string;
  label?: string;
};

/** `basePath` with the list's parameters (empty ones left out), plus `set`, minus `drop`. */
export function listHref(
  basePath: string,
  params: Record<string, string | undefined>,
  set: Record<string, string> = {},
  drop: string[] = [],
) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && !drop.includes(k)) search.set(k, v);
  for (const [k, v] of Object.entries(set)) search.set(k, v);
  const qs = search.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Previous / Next links for a keyset-paginated list. */
export function Pagination({
  basePath,
  params,
  next,
  prev,
  afterParam = "after",
  beforeParam = "before",
  label = "Pagination",
}: Props) {
  if (!next && !prev) return null;
  const drop = [afterParam, beforeParam];
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2">
      {prev ? (
        <Link
          className={buttonClass("secondary")}
          href={listHref(basePath, params, { [beforeParam]: prev }, drop)}
          scroll={false}
        >
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          className={buttonClass("secondary")}
          href={listHref(basePath, params, { [afterParam]: next }, drop)}
          scroll={false}
        >
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
